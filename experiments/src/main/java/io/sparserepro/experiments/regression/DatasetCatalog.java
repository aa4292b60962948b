package io.sparserepro.experiments.regression;

import io.sparserepro.core.Checks;
import io.sparserepro.core.data.Dataset;
import io.sparserepro.core.data.DatasetFiles;
import io.sparserepro.core.io.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The registry of regression data sets, {@code data/datasets.csv}: per data set its name, file
 * format, the file the loader reads, where it is downloaded from ({@code shipped} for files that
 * come with the code), the SHA-256 of the download ({@code unknown} where it could not be
 * computed), the target column (CSV) and columns to leave out. {@code data/fetch.sh} downloads
 * and verifies the missing ones; {@link #present} and {@link #missing} split the list by what
 * is on disk, so {@code reproduce} works on what it has and says what it lacks.
 */
public final class DatasetCatalog {
    /** The columns of {@code datasets.csv}, in order. */
    public static final List<String> COLUMNS = List.of("name", "format", "file", "url", "sha256", "target",
            "exclude", "paper_name");

    /** The registry file's name inside the data folder. */
    public static final String FILE_NAME = "datasets.csv";

    /**
     * One data set.
     *
     * @param name      short name (tables, legends, {@code fetch.sh NAME})
     * @param format    CSV or LIBSVM
     * @param file      the file the loader reads, relative to the data folder
     * @param url       the download address, or {@code shipped}
     * @param sha256    the SHA-256 of the download (or of the shipped file), or {@code unknown}
     * @param target    the target column of a CSV file, or null
     * @param exclude   CSV columns that are neither target nor feature (identifiers)
     * @param paperName the name the ELS paper uses
     */
    public record Entry(String name, DatasetFiles.Format format, String file, String url, String sha256,
                        String target, Set<String> exclude, String paperName) {
        public Entry {
            Checks.requireNonNull("name", name);
            Checks.requireNonNull("format", format);
            Checks.requireNonNull("file", file);
            Checks.requireNonNull("url", url);
            Checks.requireNonNull("sha256", sha256);
            exclude = Set.copyOf(Checks.requireNonNull("exclude", exclude));
            if (!sha256.equals("unknown") && !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 of " + name + " must be 64 lowercase hex digits or "
                        + "'unknown': '" + sha256 + "'");
            }
            if ((format == DatasetFiles.Format.CSV) != (target != null)) {
                throw new IllegalArgumentException("data set " + name + ": a target column is needed for CSV "
                        + "and not allowed for LIBSVM (format " + format + ", target " + target + ")");
            }
        }

        public boolean shipped() {
            return url.equals("shipped");
        }

        /** Reads the data set from {@code dataDir}. */
        public Dataset load(Path dataDir) {
            return DatasetFiles.read(dataDir.resolve(file), format, target, exclude).withName(name);
        }
    }

    private final Path dataDir;
    private final List<Entry> entries;

    private DatasetCatalog(Path dataDir, List<Entry> entries) {
        this.dataDir = dataDir;
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code <dataDir>/datasets.csv}. */
    public static DatasetCatalog read(Path dataDir) {
        Checks.requireNonNull("dataDir", dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no data set registry at " + file);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        try (Reader in = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                throw new DataFormatException("file " + file + ", line 1: expected the header "
                        + String.join(",", COLUMNS) + ", found " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != COLUMNS.size()) {
                    throw new DataFormatException("file " + file + ", line " + line + ": " + r.size()
                            + " fields, expected " + COLUMNS.size());
                }
                try {
                    Set<String> exclude = new LinkedHashSet<>();
                    for (String e : r.get("exclude").split(";")) {
                        if (!e.isBlank()) {
                            exclude.add(e.strip());
                        }
                    }
                    Entry e = new Entry(r.get("name"), DatasetFiles.Format.parse(r.get("format")), r.get("file"),
                            r.get("url"), r.get("sha256"), r.get("target").isBlank() ? null : r.get("target"), exclude,
                            r.get("paper_name"));
                    if (!names.add(e.name())) {
                        throw new IllegalArgumentException("data set " + e.name() + " is listed twice");
                    }
                    entries.add(e);
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException("file " + file + ", line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DatasetCatalog(dataDir, entries);
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry {@code name}, or an error listing the known names. */
    public Entry get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown data set '" + name + "'; " + FILE_NAME + " lists: "
                        + String.join(", ", entries.stream().map(Entry::name).toList())));
    }

    /** The entries whose file is in the data folder. */
    public List<Entry> present() {
        return entries.stream().filter(e -> Files.isRegularFile(dataDir.resolve(e.file()))).toList();
    }

    /** The entries whose file is not in the data folder. */
    public List<Entry> missing() {
        return entries.stream().filter(e -> !Files.isRegularFile(dataDir.resolve(e.file()))).toList();
    }
}
