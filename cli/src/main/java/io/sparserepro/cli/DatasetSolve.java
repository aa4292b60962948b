package io.sparserepro.cli;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.data.Dataset;
import io.sparserepro.core.data.DatasetFiles;
import io.sparserepro.core.data.Standardization;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code solve --dataset FILE [--target NAME]}: model selection on a data set. The features are
 * standardised on all samples ({@link Standardization}: centred, unit-norm columns, target
 * centred), the solver picks k of them, and the model is printed on the original scale: each
 * chosen feature by name with its coefficient x_j = z_j/s_j, and the intercept
 * b = ȳ − Σ x_j μ_j, so that ŷ = b + Σ x_j a_j with the file's own units.
 */
final class DatasetSolve {
    private DatasetSolve() {
    }

    /**
     * @param file   a CSV file with a header (then {@code target} names the target column) or a LIBSVM file
     * @param output where to write the coefficients of every feature of the file (or null)
     */
    static int run(SparseSolver solver, Path file, String target, int sparsity, Path output, PrintWriter out) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--dataset " + file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--dataset file not found: " + file);
        }
        DatasetFiles.Format format = DatasetFiles.Format.of(file);
        if (format == DatasetFiles.Format.CSV && target == null) {
            throw new IllegalArgumentException("--dataset " + file + " is a CSV file: --target NAME must name its "
                    + "target column");
        }
        if (format == DatasetFiles.Format.LIBSVM && target != null) {
            throw new IllegalArgumentException("--dataset " + file + " is read as LIBSVM (its name does not end in "
                    + ".csv), whose target is its labels: leave out --target");
        }
        SparseReproCli.activity("reading --dataset " + file);
        Dataset all = DatasetFiles.read(file, format, target, Set.of());
        Dataset data = all.withoutConstantFeatures();
        if (data.featureCount() < all.featureCount()) {
            out.println("note: " + (all.featureCount() - data.featureCount()) + " constant feature"
                    + (all.featureCount() - data.featureCount() == 1 ? " is" : "s are") + " left out (no model can use them)");
        }
        int limit = Math.min(data.samples(), data.featureCount());
        if (sparsity < 1 || sparsity > limit) {
            throw new IllegalArgumentException("--sparsity must be in [1, min(samples, features) = " + limit + "] for "
                    + file + " (" + data.samples() + " samples, " + data.featureCount() + " usable features): " + sparsity);
        }
        Standardization std = Standardization.fit(data);
        DenseMatrix a = std.features(data.features());
        double[] y = std.target(data.target());
        SparseReproCli.activity("solving the " + a.rows() + "×" + a.cols() + " problem with " + solver.name());
        long t0 = System.nanoTime();
        SparseResult result = solver.solve(Problem.of(a, y, sparsity));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] z = result.estimate();
        double[] x = std.coefficients(z);
        double intercept = std.intercept(z);
        double[] residual = new double[a.rows()];
        a.apply(z, residual);
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < y.length; i++) {
            rss += (residual[i] - y[i]) * (residual[i] - y[i]);
            tss += y[i] * y[i];
        }
        out.println("algorithm: " + solver.name() + " (features centred and scaled to unit norm; coefficients below "
                + "on the original scale)");
        out.printf(Locale.ROOT, "data set: %s, %d samples, %d features, target %s%n", file, data.samples(),
                data.featureCount(), target == null ? "the labels" : target);
        out.println("chosen features (" + result.support().length + "), in the solver's order:");
        int width = 8;
        for (int j : result.support()) {
            width = Math.max(width, data.featureNames().get(j).length());
        }
        for (int j : result.support()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %14.6g   (standardised: %.6g)%n", data.featureNames().get(j), x[j], z[j]);
        }
        out.printf(Locale.ROOT, "  %-" + width + "s %14.6g%n", "intercept", intercept);
        out.printf(Locale.ROOT, "objective ||Ax - y||^2/||y||^2 (centred y, i.e. 1 - R^2): %.6f%n", tss == 0 ? 0 : rss / tss);
        out.println("iterations: " + result.iterations() + (result.converged() ? " (converged)" : ""));
        out.printf(Locale.ROOT, "time: %.6f s%n", seconds);
        if (output != null) {
            // Coefficients of every feature of the file, in file order (zeros off the model and for constant features).
            double[] full = new double[all.featureCount()];
            StringBuilder support = new StringBuilder("feature,coefficient\n");
            for (int j : result.support()) {
                String name = data.featureNames().get(j);
                full[all.featureNames().indexOf(name)] = x[j];
                support.append(name).append(',').append(Double.toString(x[j])).append('\n');
            }
            support.append("intercept,").append(Double.toString(intercept)).append('\n');
            MatrixFiles.writeVector(output, full);
            Path supportFile = OutputChecks.supportFileFor(output);
            AtomicFiles.writeText(supportFile, support.toString());
            out.println("coefficients written to " + output + " (one per feature of the file, original scale)");
            out.println("model written to " + supportFile + " (feature,coefficient; last line the intercept)");
        }
        out.flush();
        return 0;
    }
}
