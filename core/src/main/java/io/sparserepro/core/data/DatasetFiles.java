package io.sparserepro.core.data;

import io.sparserepro.core.Checks;
import io.sparserepro.core.io.CsvTables;
import io.sparserepro.core.io.DataFormatException;
import io.sparserepro.core.io.LibSvmData;
import io.sparserepro.core.io.LibSvmFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads regression data sets: a CSV table with a header and a target column chosen by name
 * ({@link CsvTables}), or a LIBSVM file whose labels are the target ({@link LibSvmFiles}).
 * Every format error names the file and the line.
 */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    /** The file formats a data set can come in. */
    public enum Format {
        CSV, LIBSVM;

        /** CSV for a name ending in {@code .csv} (any case), LIBSVM otherwise (the LIBSVM site's files have no extension). */
        public static Format of(Path file) {
            String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
            return name.endsWith(".csv") ? CSV : LIBSVM;
        }

        /** {@code csv} or {@code libsvm}, as in {@code data/datasets.csv}. */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(Checks.requireNonNull("text", text).strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv or libsvm: '" + text + "'");
        }
    }

    /**
     * Reads a CSV data set: the column named {@code target} is the target, the others
     * (except {@code exclude}, e.g. an identifier column) are the features.
     *
     * @throws DataFormatException if the file is malformed or has no column {@code target}
     */
    public static Dataset readCsv(Path file, String target, Set<String> exclude) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("target", target);
        Checks.requireNonNull("exclude", exclude);
        CsvTables.Table table = CsvTables.read(file);
        int t = table.indexOf(target);
        if (t < 0) {
            throw new DataFormatException("file " + file + ", line 1: no column named '" + target
                    + "' (the target) in the header; its columns: " + String.join(", ", table.names()));
        }
        for (String e : exclude) {
            if (table.indexOf(e) < 0) {
                throw new DataFormatException("file " + file + ", line 1: no column named '" + e
                        + "' (to exclude) in the header; its columns: " + String.join(", ", table.names()));
            }
        }
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < table.names().size(); c++) {
            if (c != t && !exclude.contains(table.names().get(c))) {
                keep.add(c);
            }
        }
        if (keep.isEmpty()) {
            throw new DataFormatException("file " + file + ", line 1: no feature column besides the target '"
                    + target + "'");
        }
        DenseMatrix values = table.values();
        int m = values.rows();
        DenseMatrix features = DenseMatrix.zeros(m, keep.size());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < keep.size(); c++) {
            System.arraycopy(values.data(), values.columnOffset(keep.get(c)), features.data(),
                    features.columnOffset(c), m);
            names.add(table.names().get(keep.get(c)));
        }
        double[] y = new double[m];
        System.arraycopy(values.data(), values.columnOffset(t), y, 0, m);
        return new Dataset(stem(file), names, features, y);
    }

    /**
     * Reads a LIBSVM data set: the labels are the target; feature i (1-based in the file) is
     * named {@code f<i>}. Features that occur in no sample are left out (LIBSVM files skip
     * zeros, and a column no sample uses cannot enter a model).
     */
    public static Dataset readLibSvm(Path file) {
        Checks.requireNonNull("file", file);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                throw new DataFormatException("file " + file + ", line 1: the file is empty; expected one sample "
                        + "per line, '<target> <index>:<value> ...'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        LibSvmData data = LibSvmFiles.read(file);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < data.featureCount(); j++) {
            names.add("f" + (j + 1));
        }
        Dataset all = new Dataset(stem(file), names, data.features(), data.labels());
        double[] norms = data.features().columnNorms();
        int[] used = java.util.stream.IntStream.range(0, norms.length).filter(j -> norms[j] != 0).toArray();
        return used.length == norms.length ? all : all.columns(used);
    }

    /** Reads {@code file} in {@code format}; {@code target} is required for CSV and must be null for LIBSVM. */
    public static Dataset read(Path file, Format format, String target, Set<String> exclude) {
        Checks.requireNonNull("format", format);
        if (format == Format.CSV) {
            if (target == null) {
                throw new IllegalArgumentException("a CSV data set needs a target column name: " + file);
            }
            return readCsv(file, target, exclude);
        }
        if (target != null) {
            throw new IllegalArgumentException("a LIBSVM file's target is its labels; no target column name "
                    + "applies: '" + target + "' for " + file);
        }
        return readLibSvm(file);
    }

    private static String stem(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
