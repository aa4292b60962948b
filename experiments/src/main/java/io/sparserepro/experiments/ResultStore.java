package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The files of one declaration: {@code <root>/<name>/<hash>/}.
 *
 * <h2>Checkpoint files ("journals")</h2>
 * An unsharded run appends to {@code journal.csv}, shard i of N to {@code shard-i-of-N.csv}.
 * Columns: {@code gridPoint,run,solver,seed,<declared metrics but time>,diagnostics,time,check},
 * with the diagnostics packed as {@code name=value;...} (sorted by name) so that the header is
 * known before any solver has run, and {@code check} the CRC-32 (8 hex digits) of every other
 * field except the time. A batch of rows is appended with one write and forced to disk
 * ({@link FileChannel#force}); a crash (kill -9, power loss) can at worst leave a torn tail,
 * and a torn or edited row fails its field count, its parse, its seed (which must be the
 * declaration's seed of its grid point and run) or its check, so it is dropped, reported and
 * recomputed. Whenever a scan drops anything, the journal is rewritten with the valid rows
 * only (temporary file, fsync, atomic rename) before new rows are appended. A journal whose
 * header is wrong cannot be trusted at all: it is set aside as {@code <file>.corrupt-<k>}
 * (never deleted) and every trial is recomputed.
 *
 * <h2>Final files</h2>
 * {@code trials.csv}: one row per trial in canonical order (grid point, run, solver as
 * declared), columns {@code gridPoint, <parameters>, run, solver, seed, <metrics but time>,
 * <diagnostics sorted by name>, time} (a diagnostic a solver does not report is empty).
 * {@code summary.csv}: per grid point and solver, the number of trials, then per metric its
 * mean and standard deviation (sample, n − 1; 0 for one trial) — for {@code success} the rate
 * and its Wilson 95% interval instead — then the same for each diagnostic (over its finite
 * values), then time. Everything but the time columns is a function of the declaration only,
 * so these files are byte-identical however the trials were computed (threads, order,
 * resumptions, shards). {@code run.json}: the declaration and the provenance of the run.
 */
public final class ResultStore {
    private static final System.Logger LOG = System.getLogger(ResultStore.class.getName());
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private static final CSVFormat READ = CSVFormat.DEFAULT;

    private final ExperimentSpec spec;
    private final Path directory;
    private final List<String> journalHeader;
    private final List<Metric> rowMetrics;

    private ResultStore(ExperimentSpec spec, Path directory) {
        this.spec = spec;
        this.directory = directory;
        this.rowMetrics = spec.metrics().stream().filter(m -> m != Metric.TIME).toList();
        List<String> header = new ArrayList<>(List.of("gridPoint", "run", "solver", "seed"));
        rowMetrics.forEach(m -> header.add(m.id()));
        header.addAll(List.of("diagnostics", "time", "check"));
        this.journalHeader = List.copyOf(header);
    }

    /** The store of {@code spec} under {@code root} (the folder is created when written to). */
    public static ResultStore of(Path root, ExperimentSpec spec) {
        Checks.requireNonNull("root", root);
        Checks.requireNonNull("spec", spec);
        return new ResultStore(spec, root.resolve(spec.name()).resolve(spec.hash()));
    }

    public ExperimentSpec spec() {
        return spec;
    }

    /** {@code <root>/<name>/<hash>}. */
    public Path directory() {
        return directory;
    }

    public Path trialsFile() {
        return directory.resolve("trials.csv");
    }

    public Path summaryFile() {
        return directory.resolve("summary.csv");
    }

    public Path runFile() {
        return directory.resolve("run.json");
    }

    /** The checkpoint file of {@code shard}. */
    public Path journalFile(Shard shard) {
        return directory.resolve(shard.fileName());
    }

    /** The metrics stored per row (declared, without time), in column order. */
    public List<Metric> rowMetrics() {
        return rowMetrics;
    }

    // ---------------------------------------------------------------- declaration check

    /**
     * Checks that every {@code run.json} / {@code shard-*.json} in the folder stores this
     * declaration. A file that stores another one (its hash differs from the folder's) means
     * the folder's results cannot be attributed: the JSON file and every journal are set
     * aside ({@code .mismatch-<k>}) and the trials recomputed. Returns the warnings.
     */
    public List<String> checkDeclaration() {
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return warnings;
        }
        String expected = spec.hash();
        boolean mismatch = false;
        for (Path json : list("*.json")) {
            JsonNode stored;
            try {
                stored = JSON.readTree(json.toFile()).get("declaration");
            } catch (IOException e) {
                warn(warnings, json.getFileName() + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("")
                        + "); it will be rewritten");
                continue;
            }
            if (stored == null) {
                warn(warnings, json.getFileName() + " has no declaration; it will be rewritten");
                continue;
            }
            String found = ExperimentSpec.hashOf(stored);
            if (!found.equals(expected)) {
                mismatch = true;
                warn(warnings, json.getFileName() + " stores a declaration with hash " + found + ", not this folder's "
                        + expected + "; its results cannot be trusted and are set aside");
                setAside(json, "mismatch");
            }
        }
        if (mismatch) {
            for (Path journal : journals()) {
                Path aside = setAside(journal, "mismatch");
                warn(warnings, journal.getFileName() + " set aside as " + aside.getFileName() + "; its trials will be recomputed");
            }
        }
        return warnings;
    }

    /** The other declarations of this experiment that have result folders (for a notice). */
    public List<String> otherDeclarations() {
        List<String> others = new ArrayList<>();
        Path parent = directory.getParent();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, Files::isDirectory)) {
                for (Path d : dirs) {
                    if (!d.getFileName().toString().equals(spec.hash())) {
                        others.add(d.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        others.sort(null);
        return others;
    }

    // ---------------------------------------------------------------- journals

    /** The result of reading a journal. */
    public record Scan(List<TrialRow> rows, List<String> warnings, boolean needsRewrite) {
    }

    /** Every journal file in the folder ({@code journal.csv}, {@code shard-*.csv}), by name. */
    public List<Path> journals() {
        List<Path> files = new ArrayList<>();
        Path single = directory.resolve(Shard.ALL.fileName());
        if (Files.isRegularFile(single)) {
            files.add(single);
        }
        files.addAll(list("shard-*-of-*.csv"));
        return files;
    }

    /**
     * Reads a journal, keeping every valid row of this declaration and reporting the rest
     * (see the class comment). A missing file reads as empty.
     */
    public Scan scan(Path journal) {
        List<String> warnings = new ArrayList<>();
        List<TrialRow> rows = new ArrayList<>();
        if (!Files.exists(journal)) {
            return new Scan(rows, warnings, false);
        }
        String name = journal.getFileName().toString();
        boolean rewrite = false;
        try {
            if (Files.size(journal) > 0 && !endsWithNewline(journal)) {
                rewrite = true; // the next append must start on a fresh line
            }
            Map<TrialKey, TrialRow> seen = new LinkedHashMap<>();
            try (Reader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, READ)) {
                Iterator<CSVRecord> it = parser.iterator();
                if (!it.hasNext()) {
                    return new Scan(rows, warnings, true);
                }
                CSVRecord header = it.next();
                if (!header.toList().equals(journalHeader)) {
                    Path aside = setAside(journal, "corrupt");
                    warn(warnings, name + " has the wrong header " + header.toList() + " (expected " + journalHeader
                            + "); set aside as " + aside.getFileName() + " and every trial in it will be recomputed");
                    return new Scan(rows, warnings, false);
                }
                while (true) {
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        warn(warnings, name + ": unreadable data after line " + parser.getCurrentLineNumber()
                                + " (" + e.getMessage() + "); dropped, those trials will be recomputed");
                        rewrite = true;
                        break;
                    }
                    String problem;
                    TrialRow row = null;
                    try {
                        row = parseJournalRow(record);
                        problem = null;
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                    if (problem != null) {
                        warn(warnings, name + " line " + record.getRecordNumber() + ": " + problem
                                + "; the row is dropped and its trial recomputed");
                        rewrite = true;
                        continue;
                    }
                    TrialRow previous = seen.putIfAbsent(row.key(), row);
                    if (previous != null) {
                        rewrite = true;
                        if (!previous.sameOutcome(row)) {
                            warn(warnings, name + " line " + record.getRecordNumber() + ": " + describe(row.key())
                                    + " appears twice with different results; the first is kept");
                        }
                    }
                }
            }
            rows.addAll(seen.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
        }
        return new Scan(rows, warnings, rewrite);
    }

    private TrialRow parseJournalRow(CSVRecord record) {
        if (record.size() != journalHeader.size()) {
            throw new IllegalArgumentException("partial or corrupt row: expected " + journalHeader.size()
                    + " fields, found " + record.size());
        }
        List<String> fields = record.toList();
        String check = fields.get(fields.size() - 1);
        if (!check.equals(checksum(fields))) {
            throw new IllegalArgumentException("partial or corrupt row: check " + check + " does not match its content");
        }
        int g = parseInt(fields.get(0), "gridPoint", spec.gridPointCount() - 1);
        int r = parseInt(fields.get(1), "run", spec.runs() - 1);
        String solver = fields.get(2);
        int s = spec.solvers().indexOf(solver);
        if (s < 0) {
            throw new IllegalArgumentException("solver '" + solver + "' is not in the declaration " + spec.solvers());
        }
        long seed = Seeds.trialSeed(spec.seed(), g, r);
        if (!fields.get(3).equals(Long.toString(seed))) {
            throw new IllegalArgumentException("seed " + fields.get(3) + " is not the declaration's seed " + seed
                    + " of grid point " + g + " run " + r);
        }
        List<Double> metrics = new ArrayList<>();
        for (int i = 0; i < rowMetrics.size(); i++) {
            metrics.add(parseDouble(fields.get(4 + i), rowMetrics.get(i).id()));
        }
        SortedMap<String, Double> diagnostics = new TreeMap<>();
        String packed = fields.get(4 + rowMetrics.size());
        if (!packed.isEmpty()) {
            for (String entry : packed.split(";", -1)) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("diagnostic entry '" + entry + "' is not name=value");
                }
                diagnostics.put(entry.substring(0, eq), parseDouble(entry.substring(eq + 1), entry.substring(0, eq)));
            }
        }
        double time = parseDouble(fields.get(5 + rowMetrics.size()), "time");
        return new TrialRow(new TrialKey(g, r, s), solver, seed, metrics, diagnostics, time);
    }

    private static int parseInt(String text, String column, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v < 0 || v > max) {
                throw new IllegalArgumentException(column + " must be in [0, " + max + "]: " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not an integer: '" + text + "'");
        }
    }

    private static double parseDouble(String text, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'");
        }
    }

    /** Creates the folder and an empty journal (header only) if it does not exist. */
    public void createJournal(Path journal) {
        if (!Files.exists(journal)) {
            writeAtomically(journal, journalText(List.of()));
        }
    }

    /** Rewrites a journal with exactly {@code rows}, in canonical order, atomically. */
    public void rewriteJournal(Path journal, Collection<TrialRow> rows) {
        List<TrialRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        writeAtomically(journal, journalText(sorted));
    }

    /** Appends a batch with one write, then forces it to disk. */
    public void append(Path journal, List<TrialRow> batch) {
        String text = journalRows(batch);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal + ": " + e.getMessage(), e);
        }
    }

    private String journalText(List<TrialRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", journalHeader)).append('\n');
        return out.append(journalRows(rows)).toString();
    }

    private String journalRows(List<TrialRow> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            for (TrialRow row : rows) {
                List<String> fields = new ArrayList<>();
                fields.add(Integer.toString(row.key().gridPoint()));
                fields.add(Integer.toString(row.key().run()));
                fields.add(row.solver());
                fields.add(Long.toString(row.seed()));
                row.metrics().forEach(v -> fields.add(ParameterValues.format(v)));
                StringBuilder packed = new StringBuilder();
                row.diagnostics().forEach((k, v) -> {
                    if (packed.length() > 0) {
                        packed.append(';');
                    }
                    packed.append(k).append('=').append(ParameterValues.format(v));
                });
                fields.add(packed.toString());
                fields.add(ParameterValues.format(row.seconds()));
                fields.add("");
                fields.set(fields.size() - 1, checksum(fields));
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** CRC-32 of every field but the time (second to last) and the check itself (last). */
    private static String checksum(List<String> fields) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < fields.size() - 2; i++) {
            crc.update(fields.get(i).getBytes(StandardCharsets.UTF_8));
            crc.update(0x1f);
        }
        return String.format("%08x", crc.getValue());
    }

    // ---------------------------------------------------------------- final files

    /** Writes {@code trials.csv} and {@code summary.csv} from a complete set of rows. */
    public void writeResults(Collection<TrialRow> rows) {
        List<TrialRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        List<GridPoint> points = spec.gridPoints();
        List<String> diagnosticNames = new ArrayList<>(new TreeSet<>(
                sorted.stream().flatMap(r -> r.diagnostics().keySet().stream()).toList()));
        writeAtomically(trialsFile(), trialsText(sorted, points, diagnosticNames));
        writeAtomically(summaryFile(), Summaries.text(spec, rowMetrics, points, diagnosticNames, sorted));
    }

    private String trialsText(List<TrialRow> rows, List<GridPoint> points, List<String> diagnosticNames) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            List<String> header = new ArrayList<>();
            header.add("gridPoint");
            header.addAll(spec.parameterNames());
            header.addAll(List.of("run", "solver", "seed"));
            rowMetrics.forEach(m -> header.add(m.id()));
            diagnosticNames.forEach(d -> header.add(columnName(d)));
            header.add("time");
            printer.printRecord(header);
            for (TrialRow row : rows) {
                List<String> fields = new ArrayList<>();
                fields.add(Integer.toString(row.key().gridPoint()));
                points.get(row.key().gridPoint()).values().values().forEach(v -> fields.add(ParameterValues.format(v)));
                fields.add(Integer.toString(row.key().run()));
                fields.add(row.solver());
                fields.add(Long.toString(row.seed()));
                row.metrics().forEach(v -> fields.add(ParameterValues.format(v)));
                for (String d : diagnosticNames) {
                    Double v = row.diagnostics().get(d);
                    fields.add(v == null ? "" : ParameterValues.format(v));
                }
                fields.add(ParameterValues.format(row.seconds()));
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A diagnostic's column name: its own, unless that is taken by a fixed column. */
    String columnName(String diagnostic) {
        boolean taken = ExperimentSpec.RESERVED.contains(diagnostic) || spec.parameterNames().contains(diagnostic)
                || spec.metrics().stream().anyMatch(m -> m.id().equals(diagnostic));
        return taken ? "diagnostic." + diagnostic : diagnostic;
    }

    /** Writes a JSON file of the folder atomically. */
    public void writeJson(String fileName, ObjectNode content) {
        try {
            writeAtomically(directory.resolve(fileName), JSON.writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- file helpers

    /** Writes {@code text} to a temporary file, forces it, and renames it over {@code file}. */
    void writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            // Created like any file (permissions from the umask, not createTempFile's 0600), so
            // collaborators sharing a results folder can read the results.
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Path setAside(Path file, String reason) {
        try {
            for (int k = 1; ; k++) {
                Path target = file.resolveSibling(file.getFileName() + "." + reason + "-" + k);
                if (!Files.exists(target)) {
                    return Files.move(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Path> list(String glob) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    String describe(TrialKey key) {
        return "grid point " + key.gridPoint() + " run " + key.run() + " solver " + spec.solvers().get(key.solverIndex());
    }

    private static void warn(List<String> warnings, String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        warnings.add(message);
    }
}
