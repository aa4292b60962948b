package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The run record of a declaration ({@code run.json}, or {@code shard-i-of-N.json}): the
 * declaration, the seed rule, every solver variant with every option value, the provenance
 * (code version, JDK, machine), the status ({@code running}, {@code complete},
 * {@code interrupted}, {@code merged}), times, trial counts and warnings. Built here for run
 * and merge alike.
 */
final class RunRecord {
    /** How instance seeds are derived (see {@link InstanceKey}); recorded so readers know which rule made a file. */
    static final String SEED_RULE = "instance-key: Seeds.trialSeed(masterSeed, first 8 bytes of SHA-256(instance key), run)";

    private RunRecord() {
    }

    /** The parts of a record that vary between writes. */
    record Counts(long total, long inScope, long reused, long computed) {
    }

    static ObjectNode of(ExperimentSpec spec, PreparedSolvers solvers, String status, Shard shard, int threads,
                         Instant start, Instant end, Counts counts, List<String> warnings) {
        ObjectNode json = ResultFiles.JSON.createObjectNode();
        json.put("experiment", spec.name());
        json.put("hash", spec.hash());
        json.set("declaration", spec.canonicalJson());
        json.put("status", status);
        json.put("pid", ProcessHandle.current().pid());
        json.put("seedRule", SEED_RULE);
        Provenance.describeInto(json);
        json.put("threads", threads);
        json.put("shard", shard.toString());
        json.put("start", start.toString());
        if (end == null) {
            json.putNull("end");
        } else {
            json.put("end", end.toString());
            json.put("wallSeconds", (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        }
        ObjectNode trials = json.putObject("trials");
        trials.put("total", counts.total());
        trials.put("inShard", counts.inScope());
        trials.put("reused", counts.reused());
        trials.put("computed", counts.computed());
        json.set("solvers", solvers.describe());
        ArrayNode w = json.putArray("warnings");
        warnings.forEach(w::add);
        return json;
    }

    /**
     * A warning if {@code file} says a run is {@code running} in a process that no longer
     * exists (killed), else {@code null}; the caller's own record then replaces it.
     */
    static String staleRunning(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode json = ResultFiles.JSON.readTree(file.toFile());
            if (!"running".equals(json.path("status").asText())) {
                return null;
            }
            long pid = json.path("pid").asLong(-1);
            boolean alive = pid > 0 && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                return null;
            }
            return file.getFileName() + " said a run started " + json.path("start").asText() + " was still running,"
                    + " but it was killed; its checkpointed trials are kept and the rest computed now";
        } catch (IOException e) {
            return file.getFileName() + " is not readable JSON; it is rewritten";
        }
    }
}
