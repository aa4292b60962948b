package io.sparserepro.cli;

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
        SparseSolver solver = context.solvers().create(algorithm);
        if (output != null) {
            MatrixFiles.Format.of(output);
        }
        DenseMatrix a;
        double[] y;
        if (libsvm != null) {
            if (matrix != null || observations != null) {
                throw new IllegalArgumentException("--libsvm replaces --matrix and --observations: give one or the other");
            }
            requireFile("--libsvm", libsvm);
            LibSvmData data = LibSvmFiles.read(libsvm);
            a = data.features();
            y = data.labels();
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
        double[] norms = null;
        DenseMatrix used = a;
        if (normalize) {
            a.requireNonZeroColumns("--matrix");
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
        var out = spec.commandLine().getOut();
        out.println("algorithm: " + solver.name() + (normalize ? " (normalized columns)" : ""));
        out.println("support (" + result.support().length + " indices, 0-based): "
                + Arrays.stream(result.support()).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        if (libsvm != null) {
            out.println("LIBSVM features: " + Arrays.stream(result.support()).mapToObj(j -> Integer.toString(j + 1))
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

    private static void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " file not found: " + file);
        }
    }
}
