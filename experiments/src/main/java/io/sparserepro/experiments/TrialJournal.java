package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The checkpoint file format of the {@link TrialStore}: one CSV file per (instance point,
 * writer), appended in batches.
 *
 * <p>Columns: {@code run,variant,seed,metrics,diagnostics,time_s,check}; metrics and
 * diagnostics packed as {@code name=value;...} sorted by name (so the header never depends on
 * which solvers ran), {@code check} the CRC-32 (8 hex digits) of every other field but the
 * time. A batch is appended with one write and forced to disk; a crash can at worst leave a
 * torn tail, and a torn or edited row fails its field count, its parse, its seed (which must
 * be the instance's seed of its run) or its check, so it is dropped, reported with the file
 * and line, and recomputed. A file whose header is wrong is set aside as
 * {@code <file>.corrupt-<k>} (never deleted) and its trials recomputed.
 */
final class TrialJournal {
    static final List<String> HEADER = List.of("run", "variant", "seed", "metrics", "diagnostics", "time_s", "check");
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private static final Comparator<StoredTrial> ORDER = Comparator.comparingInt(StoredTrial::run)
            .thenComparing(StoredTrial::variant);

    private TrialJournal() {
    }

    /** What reading a journal found. */
    record Scan(List<StoredTrial> trials, List<String> warnings, boolean needsRewrite) {
    }

    /**
     * Reads {@code file}, keeping every valid row; {@code expectedSeed} gives the instance's
     * seed of a run. A missing file reads as empty.
     */
    static Scan scan(Path file, IntToLongFunction expectedSeed) {
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Scan(List.of(), warnings, false);
        }
        String name = file.getParent().getFileName() + "/" + file.getFileName();
        boolean rewrite = false;
        Map<String, StoredTrial> seen = new LinkedHashMap<>();
        try {
            if (Files.size(file) > 0 && !endsWithNewline(file)) {
                rewrite = true; // the next append must start on a fresh line
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
                Iterator<CSVRecord> it = parser.iterator();
                if (!it.hasNext()) {
                    return new Scan(List.of(), warnings, true);
                }
                CSVRecord header = it.next();
                if (!header.toList().equals(HEADER)) {
                    Path aside = ResultFiles.setAside(file, "corrupt");
                    warnings.add(name + " has the wrong header " + header.toList() + " (expected " + HEADER
                            + "); set aside as " + aside.getFileName() + " and its trials will be recomputed");
                    return new Scan(List.of(), warnings, false);
                }
                while (true) {
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        warnings.add(name + ": unreadable data after line " + parser.getCurrentLineNumber()
                                + " (" + e.getMessage() + "); dropped, those trials will be recomputed");
                        rewrite = true;
                        break;
                    }
                    StoredTrial trial;
                    try {
                        trial = parse(record, expectedSeed);
                    } catch (IllegalArgumentException e) {
                        warnings.add(name + " line " + (record.getRecordNumber()) + ": " + e.getMessage()
                                + "; the row is dropped and its trial recomputed");
                        rewrite = true;
                        continue;
                    }
                    String key = trial.variant() + "#" + trial.run();
                    StoredTrial previous = seen.get(key);
                    if (previous == null) {
                        seen.put(key, trial);
                    } else {
                        // The same trial again: a rerun that recorded more metrics, or a duplicate.
                        seen.put(key, previous.union(trial));
                        rewrite = true;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Scan(List.copyOf(seen.values()), warnings, rewrite);
    }

    private static StoredTrial parse(CSVRecord record, IntToLongFunction expectedSeed) {
        if (record.size() != HEADER.size()) {
            throw new IllegalArgumentException("partial or corrupt row: expected " + HEADER.size() + " fields, found "
                    + record.size());
        }
        List<String> fields = record.toList();
        String check = fields.get(6);
        if (!check.equals(checksum(fields))) {
            throw new IllegalArgumentException("partial or corrupt row: check " + check + " does not match its content");
        }
        int run;
        try {
            run = Integer.parseInt(fields.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("run is not an integer: '" + fields.get(0) + "'");
        }
        if (run < 0) {
            throw new IllegalArgumentException("run must be ≥ 0: " + run);
        }
        long seed = expectedSeed.applyAsLong(run);
        if (!fields.get(2).equals(Long.toString(seed))) {
            throw new IllegalArgumentException("seed " + fields.get(2) + " is not the instance's seed " + seed
                    + " of run " + run + " (a stale or foreign row)");
        }
        return new StoredTrial(run, fields.get(1), seed, unpack(fields.get(3), "metric"),
                unpack(fields.get(4), "diagnostic"), parseDouble(fields.get(5), "time_s"));
    }

    /** {@code name=value;...} sorted by name, values in {@link ParameterValues#format(double)}. */
    static String pack(SortedMap<String, Double> values) {
        StringBuilder packed = new StringBuilder();
        values.forEach((k, v) -> {
            if (packed.length() > 0) {
                packed.append(';');
            }
            packed.append(k).append('=').append(ParameterValues.format(v == null ? Double.NaN : v));
        });
        return packed.toString();
    }

    private static SortedMap<String, Double> unpack(String packed, String what) {
        SortedMap<String, Double> values = new TreeMap<>();
        if (!packed.isEmpty()) {
            for (String entry : packed.split(";", -1)) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(what + " entry '" + entry + "' is not name=value");
                }
                values.put(entry.substring(0, eq), parseDouble(entry.substring(eq + 1), entry.substring(0, eq)));
            }
        }
        return values;
    }

    private static double parseDouble(String text, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'");
        }
    }

    /** Creates {@code file} with the header only, if it does not exist. */
    static void create(Path file) {
        if (!Files.exists(file)) {
            ResultFiles.writeAtomically(file, text(List.of()));
        }
    }

    /** Rewrites {@code file} with exactly {@code trials}, sorted by run then variant, atomically. */
    static void rewrite(Path file, Collection<StoredTrial> trials) {
        List<StoredTrial> sorted = new ArrayList<>(trials);
        sorted.sort(ORDER);
        ResultFiles.writeAtomically(file, text(sorted));
    }

    /** Appends {@code batch} with one write, then forces it to disk. */
    static void append(Path file, List<StoredTrial> batch) {
        List<StoredTrial> sorted = new ArrayList<>(batch);
        sorted.sort(ORDER);
        String text = rows(sorted);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(List<StoredTrial> trials) {
        return String.join(",", HEADER) + "\n" + rows(trials);
    }

    private static String rows(List<StoredTrial> trials) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            for (StoredTrial t : trials) {
                List<String> fields = new ArrayList<>(List.of(Integer.toString(t.run()), t.variant(),
                        Long.toString(t.seed()), pack(t.metrics()), pack(t.diagnostics()),
                        ParameterValues.format(t.seconds()), ""));
                fields.set(6, checksum(fields));
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** CRC-32 of every field but the time (index 5) and the check itself (index 6). */
    private static String checksum(List<String> fields) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < 5; i++) {
            crc.update(fields.get(i).getBytes(StandardCharsets.UTF_8));
            crc.update(0x1f);
        }
        return String.format("%08x", crc.getValue());
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    static String describe(Path file) {
        Checks.requireNonNull("file", file);
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
