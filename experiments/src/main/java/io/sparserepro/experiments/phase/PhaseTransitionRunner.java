package io.sparserepro.experiments.phase;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.InstanceKey;
import io.sparserepro.experiments.Provenance;
import io.sparserepro.experiments.ResultFiles;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.TrialSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link PhaseTransitionSpec}: one {@link ThresholdSearch} per (ζ, solver, level),
 * driven in rounds. Each round gathers every open search's requests, has a
 * {@link TrialSession} compute what the store lacks (all solvers of a round in one parallel
 * batch), and feeds the outcomes back. Searches at different levels of one solver share
 * their instances, and so their trials.
 *
 * <p>Files in {@code results/<name>/<hash>/}: {@code thresholds.csv} ({@link ThresholdTable}),
 * {@code decisions.csv} (every evaluated point: ζ, solver, level, k, verdict, runs,
 * successes), {@code paired.csv} (SEA after ALG against ALG on the same instances) and
 * {@code run.json}.
 *
 * <p><b>Shards.</b> With a shard, each round computes the shard's share and stops when a
 * search needs another shard's trials; running every shard again continues with the next
 * round (see {@link TrialSession}). The files are written by the run that finds every trial.
 */
public final class PhaseTransitionRunner {

    private final ExperimentRunner runner;

    public PhaseTransitionRunner(ExperimentRunner runner) {
        this.runner = Checks.requireNonNull("runner", runner);
    }

    /** What a run did. */
    public record Outcome(Path directory, boolean complete, long computed, long waitingFor, int rounds,
                          double seconds, List<ThresholdTable.Row> thresholds, List<String> warnings) {
    }

    /** One search and what it is about. */
    private record Search(double zeta, int m, int solver, double level, ThresholdSearch search) {
    }

    /** Runs (or resumes) {@code spec}; see the class comment. */
    public Outcome run(PhaseTransitionSpec spec, RunOptions options) {
        Checks.requireNonNull("spec", spec);
        Path directory = options.resultsRoot().resolve(spec.name()).resolve(spec.hash());
        List<String> metrics = new ArrayList<>(new LinkedHashSet<>(spec.solvers().stream()
                .map(s -> spec.successMetricOf(s.label())).toList()));
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (TrialSession session = runner.openSession(spec.name(), spec.solvers(), metrics, options)) {
            List<Search> searches = new ArrayList<>();
            for (double zeta : spec.zetas()) {
                int m = spec.rows(zeta);
                for (int s = 0; s < spec.solvers().size(); s++) {
                    if (!spec.searched(spec.solvers().get(s).label())) {
                        continue;
                    }
                    for (int l = 0; l < spec.levels().size(); l++) {
                        double level = spec.levels().get(l);
                        ThresholdSearch.Options o = new ThresholdSearch.Options(m, 1, m,
                                Math.min(spec.minBatch(), spec.maxRuns()), spec.policy(l))
                                .withStart(startingGuess(zeta, m, level));
                        searches.add(new Search(zeta, m, s, level, new ThresholdSearch(o)));
                    }
                }
            }
            int rounds = 0;
            boolean waiting = false;
            while (!waiting && searches.stream().anyMatch(x -> !x.search().isDone())) {
                rounds++;
                Map<Search, List<ThresholdSearch.RunRequest>> asked = new LinkedHashMap<>();
                List<TrialSession.Request> requests = new ArrayList<>();
                for (Search x : searches) {
                    if (x.search().isDone()) {
                        continue;
                    }
                    List<ThresholdSearch.RunRequest> wanted = x.search().nextRequests();
                    asked.put(x, wanted);
                    for (ThresholdSearch.RunRequest r : wanted) {
                        requests.add(new TrialSession.Request(key(spec, x.m(), r.k()), r.fromRun(), r.toRun(),
                                new int[] {x.solver()}));
                    }
                }
                session.ensure(requests);
                for (Map.Entry<Search, List<ThresholdSearch.RunRequest>> e : asked.entrySet()) {
                    Search x = e.getKey();
                    String metric = spec.successMetricOf(spec.solvers().get(x.solver()).label());
                    for (ThresholdSearch.RunRequest r : e.getValue()) {
                        boolean[] outcomes = session.outcomes(key(spec, x.m(), r.k()), x.solver(), metric, r.fromRun(),
                                r.toRun());
                        if (outcomes == null) {
                            waiting = true; // another shard's runs: this round ends here
                        } else {
                            x.search().accept(r, outcomes);
                        }
                    }
                }
            }
            List<ThresholdTable.Row> rows = new ArrayList<>();
            if (!waiting) {
                for (Search x : searches) {
                    var v = spec.solvers().get(x.solver());
                    rows.add(ThresholdTable.Row.of(x.zeta(), spec.n(), v.algorithm(), v.label(), x.search().result()));
                }
                List<String[]> paired = paired(spec, session, searches);
                write(directory, spec, session, searches, rows, paired, start, rounds);
            }
            return new Outcome(directory, !waiting, session.computed(), session.missing(), rounds,
                    (System.nanoTime() - t0) * 1e-9, rows, session.warnings());
        }
    }

    /**
     * Where a search starts: a fraction of the Donoho–Tanner ℓ1 weak threshold ρ_W(ζ)·m (half
     * of it for levels ≥ 0.9, 80% below), near where the greedy methods' thresholds lie. It
     * only decides which points are evaluated first: far points above the threshold, whose
     * failing runs cost most, are never opened (see {@link ThresholdSearch.Options#start()}).
     */
    static int startingGuess(double zeta, int m, double level) {
        double fraction = level >= 0.9 ? 0.5 : 0.8;
        return (int) Math.max(1, Math.min(m, Math.round(fraction * DonohoTanner.weakThreshold(zeta) * m)));
    }

    private static InstanceKey key(PhaseTransitionSpec spec, int m, int k) {
        return new InstanceKey("gaussian", spec.instanceParameters(m, k), spec.seed());
    }

    /**
     * For each declared pair (ALG, SEA_ALG) and ζ: both on the same instances at
     * k = k*₉₅(ALG) + 1 — just past ALG's threshold, where post-processing can help — over
     * min(maxRuns, 200) runs (computed if the searches did not visit them): how often SEA_ALG
     * recovers where ALG fails and the reverse, with the exact McNemar p-value.
     */
    private List<String[]> paired(PhaseTransitionSpec spec, TrialSession session, List<Search> searches) {
        List<String[]> rows = new ArrayList<>();
        int runs = Math.min(spec.maxRuns(), 200);
        double level = spec.levels().get(0);
        List<TrialSession.Request> requests = new ArrayList<>();
        List<Object[]> plan = new ArrayList<>();
        for (List<String> pair : spec.pairs()) {
            int base = spec.solvers().stream().map(v -> v.label()).toList().indexOf(pair.get(0));
            int sea = spec.solvers().stream().map(v -> v.label()).toList().indexOf(pair.get(1));
            for (double zeta : spec.zetas()) {
                int m = spec.rows(zeta);
                Search s = searches.stream().filter(x -> x.zeta() == zeta && x.solver() == base && x.level() == level)
                        .findFirst().orElseThrow();
                int k = Math.min(m, Math.max(1, s.search().result().kStar() + 1));
                requests.add(new TrialSession.Request(key(spec, m, k), 0, runs, new int[] {base, sea}));
                plan.add(new Object[] {pair, zeta, m, k, base, sea});
            }
        }
        session.ensure(requests);
        for (Object[] p : plan) {
            @SuppressWarnings("unchecked")
            List<String> pair = (List<String>) p[0];
            int m = (Integer) p[2];
            int k = (Integer) p[3];
            InstanceKey key = key(spec, m, k);
            boolean[] a = session.outcomes(key, (Integer) p[4], spec.successMetricOf(pair.get(0)), 0, runs);
            boolean[] b = session.outcomes(key, (Integer) p[5], spec.successMetricOf(pair.get(1)), 0, runs);
            if (a == null || b == null) {
                continue;
            }
            PairedComparison c = PairedComparison.ofSuccess(a, b);
            rows.add(new String[] {pair.get(0), pair.get(1), Double.toString((Double) p[1]), Integer.toString(m),
                    Integer.toString(k), Integer.toString(runs), Integer.toString(c.improved()),
                    Integer.toString(c.equal()), Integer.toString(c.worsened()), Double.toString(c.pValue())});
        }
        return rows;
    }

    private static void write(Path directory, PhaseTransitionSpec spec, TrialSession session, List<Search> searches,
                              List<ThresholdTable.Row> rows, List<String[]> paired, Instant start, int rounds) {
        try {
            Files.createDirectories(directory);
            ThresholdTable.write(directory.resolve(ThresholdTable.FILE_NAME), rows);
            StringBuilder decisions = new StringBuilder("zeta,m,label,level,k,rho,verdict,runs,successes,runsReceived\n");
            for (Search x : searches) {
                for (ThresholdSearch.PointDecision d : x.search().result().decisions()) {
                    decisions.append(x.zeta()).append(',').append(x.m()).append(',')
                            .append(csv(spec.solvers().get(x.solver()).label())).append(',').append(x.level())
                            .append(',').append(d.k()).append(',').append((double) d.k() / x.m()).append(',')
                            .append(d.verdict()).append(',').append(d.runs()).append(',').append(d.successes())
                            .append(',').append(d.runsReceived()).append('\n');
                }
            }
            ResultFiles.writeAtomically(directory.resolve("decisions.csv"), decisions.toString());
            StringBuilder pairs = new StringBuilder("algorithm,postProcessed,zeta,m,k,runs,improved,equal,worsened,"
                    + "mcnemarP\n");
            for (String[] r : paired) {
                for (int i = 0; i < r.length; i++) {
                    pairs.append(i == 0 ? "" : ",").append(csv(r[i]));
                }
                pairs.append('\n');
            }
            ResultFiles.writeAtomically(directory.resolve("paired.csv"), pairs.toString());
            ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            json.put("experiment", spec.name());
            json.put("hash", spec.hash());
            json.set("declaration", spec.canonicalJson());
            json.put("status", "complete");
            Provenance.describeInto(json);
            json.put("start", start.toString());
            Instant end = Instant.now();
            json.put("end", end.toString());
            json.put("wallSeconds", (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
            json.put("rounds", rounds);
            json.put("trialsComputed", session.computed());
            json.set("solvers", session.describeSolvers());
            ArrayNode w = json.putArray("warnings");
            session.warnings().forEach(w::add);
            ResultFiles.writeJson(directory.resolve("run.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + spec.name() + " in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
