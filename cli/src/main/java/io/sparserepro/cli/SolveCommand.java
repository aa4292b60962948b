package io.sparserepro.cli;

import java.util.ArrayList;

import java.util.List;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.io.LibSvmData;
import io.sparserepro.core.io.LibSvmFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sparse-repro solve}: one k-sparse problem from files.
 *
 * <p>With {@code --normalize} the solver sees A with unit-norm columns, Ã = A D⁻¹ where
 * D = diag(‖a_j‖₂), and returns z̃ with y ≈ Ã z̃; the printed and written estimate is then
 * x = D⁻¹ z̃ (x_j = z̃_j / ‖a_j‖₂), so that A x = Ã z̃: it is on A's original scale, and the
 * residual is ‖A x − y‖₂ on the original A.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve y ≈ A x with x K-sparse and print the support, residual norm, iterations and time.")
final class SolveCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--matrix", paramLabel = "A.csv|A.npy", description = "the m×n matrix A")
    Path matrix;

    @Option(names = "--observations", paramLabel = "y.csv|y.npy",
            description = "the m observations y (one row or one column)")
    Path observations;

    @Option(names = "--libsvm", paramLabel = "data.libsvm",
            description = "instead of --matrix and --observations: a LIBSVM/SVMlight file; A = its samples × "
                    + "features (feature i is column i − 1), y = its labels")
    Path libsvm;

    @Option(names = "--sparsity", required = true, paramLabel = "K", description = "the sparsity, in [1, min(m, n)]")
    int sparsity;

    @Option(names = "--algorithm", required = true, paramLabel = "NAME",
            description = "the solver (see 'sparse-repro list algorithms')")
    String algorithm;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "set one of the algorithm's options (repeatable; 'inner.NAME=VALUE' for the solver SEA runs "
                    + "after); see 'sparse-repro list algorithms --options'")
    List<String> options = new ArrayList<>();

    @Option(names = "--output", paramLabel = "x.csv|x.npy", description = "write the estimate x (length n) here")
    Path output;

    @Option(names = "--normalize", description = "solve with unit-norm columns of A and rescale the estimate back "
            + "to A's scale (x_j = z_j / ||a_j||)")
    boolean normalize;

    SolveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SparseSolver solver = context.solvers().create(AlgorithmOptions.variant(context.solvers(), algorithm, options));
        if (output != null) {
            // Checked before solving, so a long solve is not lost to a typo in the path.
            MatrixFiles.Format.of(output);
            Path parent = output.toAbsolutePath().getParent();
            if (Files.isDirectory(output)) {
                throw new IllegalArgumentException("--output " + output + " is a directory; give a file name");
            }
            if (parent != null && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("--output " + output + ": directory " + parent + " does not exist");
            }
        }
        DenseMatrix a;
        double[] y;
        int[] columns = null; // for --libsvm: the file's feature column behind each column of a
        if (libsvm != null) {
            if (matrix != null || observations != null) {
                throw new IllegalArgumentException("--libsvm replaces --matrix and --observations: give one or the other");
            }
            requireFile("--libsvm", libsvm);
            LibSvmData data = LibSvmFiles.read(libsvm);
            y = data.labels();
            // Features that never occur are all-zero columns: no solver can use them, and
            // LIBSVM files often skip indices. Drop them and map the support back.
            columns = nonZeroColumns(data.features());
            a = select(data.features(), columns);
            if (columns.length < data.features().cols()) {
                spec.commandLine().getOut().println("note: " + (data.features().cols() - columns.length)
                        + " of " + data.features().cols() + " features never occur in " + libsvm + " and are left out");
            }
        } else {
            if (matrix == null || observations == null) {
                throw new IllegalArgumentException(
                        "--matrix and --observations are required (or --libsvm with a LIBSVM file)");
            }
            requireFile("--matrix", matrix);
            requireFile("--observations", observations);
            a = MatrixFiles.readMatrix(matrix).requireFinite("--matrix");
            y = MatrixFiles.readVector(observations);
        }
        if (y.length != a.rows()) {
            throw new IllegalArgumentException("--observations has " + y.length + " entries but --matrix is "
                    + a.rows() + "×" + a.cols() + ": y needs one entry per row of A");
        }
        int limit = Math.min(a.rows(), a.cols());
        if (sparsity < 1 || sparsity > limit) {
            throw new IllegalArgumentException("--sparsity must be in [1, min(m, n) = " + limit + "] for the "
                    + a.rows() + "×" + a.cols() + " matrix: " + sparsity);
        }
        double[] columnNorms = a.columnNorms();
        int[] zero = java.util.stream.IntStream.range(0, a.cols()).filter(j -> columnNorms[j] == 0).toArray();
        if (zero.length > 0) {
            throw new IllegalArgumentException("--matrix has " + zero.length + " all-zero column" + (zero.length == 1 ? "" : "s")
                    + " (0-based): " + Arrays.stream(zero).limit(20).mapToObj(Integer::toString).collect(Collectors.joining(" "))
                    + (zero.length > 20 ? " ..." : "") + "; no solver can use them: remove them");
        }
        double smallest = Arrays.stream(columnNorms).min().orElse(1);
        double largest = Arrays.stream(columnNorms).max().orElse(1);
        if (!normalize && (Math.abs(smallest - 1) > 1e-6 || Math.abs(largest - 1) > 1e-6)) {
            // The papers normalise the columns; unit-step HTP and the correlation-based
            // selections assume it. Say so rather than let a poor answer pass silently.
            spec.commandLine().getOut().printf("note: the columns of A are not unit-norm (norms from %.3g to %.3g);"
                    + " the solvers assume unit-norm columns: consider --normalize%n", smallest, largest);
        }
        double[] norms = null;
        DenseMatrix used = a;
        if (normalize) {
            norms = a.columnNorms();
            used = a.normalizeColumns();
        }
        long t0 = System.nanoTime();
        SparseResult result = solver.solve(Problem.of(used, y, sparsity));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] x = result.estimate().clone();
        if (norms != null) {
            for (int j = 0; j < x.length; j++) {
                x[j] /= norms[j];
            }
        }
        double residual = RecoveryMetrics.residualNorm(a, y, x);
        int[] support = result.support();
        if (columns != null) {
            // Back to the file's feature columns: the estimate gets zeros at the left-out features.
            int[] featureColumn = columns;
            double[] full = new double[totalFeatures];
            for (int j = 0; j < featureColumn.length; j++) {
                full[featureColumn[j]] = x[j];
            }
            x = full;
            support = Arrays.stream(support).map(j -> featureColumn[j]).toArray();
        }
        var out = spec.commandLine().getOut();
        out.println("algorithm: " + solver.name() + (normalize ? " (normalized columns)" : ""));
        if (!options.isEmpty()) {
            out.println("configuration: " + solver.configuration());
        }
        out.println("support (" + support.length + (support.length == 1 ? " index" : " indices") + ", 0-based): "
                + Arrays.stream(support).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        if (libsvm != null) {
            out.println("LIBSVM features: " + Arrays.stream(support).mapToObj(j -> Integer.toString(j + 1))
                    .collect(Collectors.joining(" ")));
        }
        out.println("residual norm: " + residual);
        out.println("iterations: " + result.iterations() + (result.converged() ? " (converged)" : ""));
        out.printf("time: %.6f s%n", seconds);
        if (output != null) {
            MatrixFiles.writeVector(output, x);
            out.println("estimate written to " + output);
        }
        out.flush();
        return 0;
    }

    private int totalFeatures;

    private int[] nonZeroColumns(DenseMatrix features) {
        totalFeatures = features.cols();
        int[] zero = zeroColumns(features);
        boolean[] isZero = new boolean[features.cols()];
        for (int j : zero) {
            isZero[j] = true;
        }
        return java.util.stream.IntStream.range(0, features.cols()).filter(j -> !isZero[j]).toArray();
    }

    private static int[] zeroColumns(DenseMatrix a) {
        double[] norms = a.columnNorms();
        return java.util.stream.IntStream.range(0, a.cols()).filter(j -> norms[j] == 0).toArray();
    }

    private static DenseMatrix select(DenseMatrix a, int[] columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("--libsvm: the file has no non-zero feature");
        }
        DenseMatrix out = DenseMatrix.zeros(a.rows(), columns.length);
        for (int j = 0; j < columns.length; j++) {
            System.arraycopy(a.data(), a.columnOffset(columns[j]), out.data(), out.columnOffset(j), a.rows());
        }
        return out;
    }

    private static void requireFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " file not found: " + file);
        }
    }
}
