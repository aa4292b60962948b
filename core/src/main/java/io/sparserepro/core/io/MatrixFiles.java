package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.nio.file.Path;

/**
 * Reads and writes matrices and vectors in the format named by the file's extension, compared
 * case-insensitively: {@code .csv} ({@link CsvFiles}) or {@code .npy} ({@link NpyFiles}, C
 * order when writing). Any other extension is refused before the file is touched.
 */
public final class MatrixFiles {
    private MatrixFiles() {
    }

    /** The format a file name selects. */
    public enum Format {
        CSV,
        NPY;

        /** The format of {@code file}, or an error that lists the supported extensions. */
        public static Format of(Path file) {
            Checks.requireNonNull("file", file);
            String ext = FileSupport.extension(file);
            switch (ext) {
                case ".csv":
                    return CSV;
                case ".npy":
                    return NPY;
                default:
                    throw new IllegalArgumentException("file " + file + " has "
                            + (ext.isEmpty() ? "no extension" : "unsupported extension '" + ext + "'")
                            + "; supported extensions are .csv and .npy");
            }
        }
    }

    /** Reads a matrix; see {@link CsvFiles#readMatrix} and {@link NpyFiles#readMatrix}. */
    public static DenseMatrix readMatrix(Path file) {
        return Format.of(file) == Format.CSV ? CsvFiles.readMatrix(file) : NpyFiles.readMatrix(file);
    }

    /**
     * Reads a matrix, telling {@code notices} in one line if a CSV header line was skipped
     * (NPY files have no header line to skip).
     */
    public static DenseMatrix readMatrix(Path file, java.util.function.Consumer<String> notices) {
        return Format.of(file) == Format.CSV ? CsvFiles.readMatrix(file, notices) : NpyFiles.readMatrix(file);
    }

    /** Reads a vector stored as one row or one column (or, in NPY, a 1-D array). */
    public static double[] readVector(Path file) {
        return Format.of(file) == Format.CSV ? CsvFiles.readVector(file) : NpyFiles.readVector(file);
    }

    /** As {@link #readVector(Path)}, telling {@code notices} about a skipped CSV header line. */
    public static double[] readVector(Path file, java.util.function.Consumer<String> notices) {
        return Format.of(file) == Format.CSV ? CsvFiles.readVector(file, notices) : NpyFiles.readVector(file);
    }

    /** Writes a matrix; NPY files are written in C order, as NumPy's default. */
    public static void writeMatrix(Path file, DenseMatrix matrix) {
        if (Format.of(file) == Format.CSV) {
            CsvFiles.writeMatrix(file, matrix);
        } else {
            NpyFiles.writeMatrix(file, matrix);
        }
    }

    /** Writes a vector: one CSV column, or a 1-D NPY array. */
    public static void writeVector(Path file, double[] vector) {
        if (Format.of(file) == Format.CSV) {
            CsvFiles.writeVector(file, vector);
        } else {
            NpyFiles.writeVector(file, vector);
        }
    }
}
