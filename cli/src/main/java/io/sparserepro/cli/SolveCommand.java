package io.sparserepro.cli;

import java.util.ArrayList;

import java.util.List;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.io.LibSvmData;
import io.sparserepro.core.io.LibSvmFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.operators.SubsampledDct;
import io.sparserepro.core.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Option(names = "--dataset", paramLabel = "FILE", description = "instead of --matrix and --observations: a "
            + "data set, CSV with a header (and --target) or LIBSVM; the features are standardised and the chosen "
            + "ones printed by name with their coefficients on the original scale")
    Path dataset;

    @Option(names = "--target", paramLabel = "NAME", description = "with --dataset FILE.csv: the target column's name")
    String target;

    @Option(names = "--operator", paramLabel = "dct", description = "instead of --matrix: an implicit operator, "
            + "applied without forming A (matrix-free solvers, docs/MATRIX-FREE.md). dct: m rows of the orthonormal "
            + "n-point DCT-II scaled by √(n/m), m = the length of --observations, rows drawn with --rows-seed")
    String operator;

    @Option(names = "--n", paramLabel = "N", description = "with --operator dct: the number of unknowns, a power of two")
    Integer operatorColumns;

    @Option(names = "--rows-seed", paramLabel = "S", description = "with --operator dct: the seed of the row draw "
            + "(SubsampledDct.sample(n, m, S): the same seed gives the same rows)")
    Long rowsSeed;

    @Option(names = "--sparsity", required = true, paramLabel = "K", description = "the sparsity, in [1, min(m, n)]")
    int sparsity;

    @Option(names = "--algorithm", required = true, paramLabel = "NAME",
            description = "the solver (see 'sparse-repro list algorithms')")
    String algorithm;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "set one of the algorithm's options (repeatable; 'inner.NAME=VALUE' for the solver SEA runs "
                    + "after); see 'sparse-repro list algorithms --options'")
    List<String> options = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "weights.json",
            description = "for omp-net and iht-net: the trained weights file (written by 'sparse-repro train'); "
                    + "the same as --option weights=FILE")
    Path weights;

    @Option(names = "--output", paramLabel = "x.csv|x.npy", description = "write the estimate x (length n) here, "
            + "and the support with its coefficients to x.support.csv beside it; never an input file")
    Path output;

    @Option(names = "--normalize", description = "solve with unit-norm columns of A and rescale the estimate back "
            + "to A's scale (x_j = z_j / ||a_j||)")
    boolean normalize;

    SolveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (weights != null) {
            options.add("weights=" + weights);
        }
        SparseSolver solver = context.solvers().create(AlgorithmOptions.variant(context.solvers(), algorithm, options));
        Path supportFile = output == null ? null : OutputChecks.supportFileFor(output);
        if (output != null) {
            // Checked before solving, so a long solve is not lost to a path that cannot be
            // written, and an input is never replaced by a result.
            OutputChecks.requireWritable("--output", output);
            Map<String, Path> inputs = new LinkedHashMap<>();
            inputs.put("--matrix", matrix);
            inputs.put("--observations", observations);
            inputs.put("--libsvm", libsvm);
            inputs.put("--dataset", dataset);
            OutputChecks.refuseInputs("--output", output, inputs);
            OutputChecks.refuseInputs("--output's support file", supportFile, inputs);
        }
        if (dataset != null || target != null) {
            return solveDataset(solver);
        }
        if (operator != null || operatorColumns != null || rowsSeed != null) {
            return solveOperator(solver, supportFile);
        }
        var notes = spec.commandLine().getOut();
        java.util.function.Consumer<String> note = message -> notes.println("note: " + message);
        DenseMatrix a;
        double[] y;
        int[] columns = null; // for --libsvm: the file's feature column behind each column of a
        if (libsvm != null) {
            if (matrix != null || observations != null) {
                throw new IllegalArgumentException("--libsvm replaces --matrix and --observations: give one or the other");
            }
            requireFile("--libsvm", libsvm);
            SparseReproCli.activity("reading --libsvm " + libsvm);
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
            SparseReproCli.activity("reading --matrix " + matrix);
            a = MatrixFiles.readMatrix(matrix, note).requireFinite("--matrix");
            SparseReproCli.activity("reading --observations " + observations);
            y = MatrixFiles.readVector(observations, note);
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
        SparseReproCli.activity("solving the " + a.rows() + "×" + a.cols() + " problem (A takes "
                + SparseReproCli.bytes(8L * a.rows() * a.cols()) + ") with " + solver.name());
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
        printCoefficients(out, support, x);
        return finish(out, result, residual, seconds, support, x, supportFile);
    }

    /** {@code --operator dct --n N --rows-seed S --observations y}: a matrix-free solve (issue 17). */
    private int solveOperator(SparseSolver solver, Path supportFile) {
        if (!"dct".equals(operator)) {
            throw new IllegalArgumentException("--operator must be dct (the one implicit operator the CLI knows), "
                    + "with --n and --rows-seed: " + operator);
        }
        if (operatorColumns == null || rowsSeed == null || observations == null) {
            throw new IllegalArgumentException("--operator dct needs --n N, --rows-seed S and --observations y");
        }
        if (matrix != null || libsvm != null || normalize) {
            throw new IllegalArgumentException("--operator replaces --matrix and --libsvm, and its columns need no "
                    + "--normalize: give --operator with --n, --rows-seed and --observations");
        }
        int n = operatorColumns;
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("--n must be a power of two ≥ 2: " + n);
        }
        requireFile("--observations", observations);
        var notes = spec.commandLine().getOut();
        SparseReproCli.activity("reading --observations " + observations);
        double[] y = MatrixFiles.readVector(observations, message -> notes.println("note: " + message));
        if (y.length > n) {
            throw new IllegalArgumentException("--observations has " + y.length + " entries, more than --n = " + n
                    + ": the DCT operator has at most n rows");
        }
        int limit = y.length;
        if (sparsity < 1 || sparsity > limit) {
            throw new IllegalArgumentException("--sparsity must be in [1, min(m, n) = " + limit + "] for the "
                    + y.length + "×" + n + " operator: " + sparsity);
        }
        SubsampledDct a = SubsampledDct.sample(n, y.length, rowsSeed);
        SparseReproCli.activity("solving the " + a.rows() + "×" + a.cols() + " problem (" + a.describe() + ") with "
                + solver.name());
        long t0 = System.nanoTime();
        SparseResult result = solver.solve(Problem.of(a, y, sparsity));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] x = result.estimate();
        int[] support = result.support();
        var out = spec.commandLine().getOut();
        out.println("algorithm: " + solver.name());
        out.println("operator: " + a.describe());
        if (!options.isEmpty()) {
            out.println("configuration: " + solver.configuration());
        }
        out.println("support (" + support.length + (support.length == 1 ? " index" : " indices") + ", 0-based): "
                + Arrays.stream(support).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        printCoefficients(out, support, x);
        return finish(out, result, result.residualNorm(), seconds, support, x, supportFile);
    }

    /** What every solve prints after its support and coefficients, then the --output files. */
    private int finish(java.io.PrintWriter out, SparseResult result, double residual, double seconds, int[] support,
                       double[] x, Path supportFile) {
        out.println("residual norm: " + residual);
        out.println("iterations: " + result.iterations() + (result.converged() ? " (converged)" : ""));
        if (!result.diagnostics().isEmpty()) {
            out.println("diagnostics: " + result.diagnostics().entrySet().stream()
                    .map(e -> e.getKey() + " = " + number(e.getValue())).collect(Collectors.joining(", ")));
        }
        out.printf("time: %.6f s%n", seconds);
        if (output != null) {
            SparseReproCli.activity("writing --output " + output);
            MatrixFiles.writeVector(output, x);
            out.println("estimate written to " + output);
            AtomicFiles.writeText(supportFile, supportTable(support, x));
            out.println("support written to " + supportFile + " (index,coefficient; 0-based)");
        }
        out.flush();
        return 0;
    }

    private int solveDataset(SparseSolver solver) {
        if (dataset == null) {
            throw new IllegalArgumentException("--target NAME goes with --dataset FILE");
        }
        if (matrix != null || observations != null || libsvm != null || normalize) {
            throw new IllegalArgumentException("--dataset replaces --matrix, --observations and --libsvm, and "
                    + "standardises the features itself (no --normalize): give --dataset alone");
        }
        return DatasetSolve.run(solver, dataset, target, sparsity, output, spec.commandLine().getOut());
    }

    /**
     * A coefficient at most this fraction of the largest on the support is printed as "near
     * zero". A least-squares fit on a support with a dependent column gives that column a
     * round-off coefficient, of order ε·cond·‖x‖∞ ≈ 1e-16..1e-12 relative; 1e-10 is well above
     * that and well below any coefficient a k-sparse model would mean.
     */
    static final double NEAR_ZERO = 1e-10;

    /** Above this many indices only the near-zero coefficients are printed (all are in the file). */
    private static final int PRINT_ALL_UP_TO = 50;

    /**
     * Prints the coefficient of every support index (issue 10, item 5): the support is the
     * solver's answer, so an index whose coefficient is round-off is kept and shown as such,
     * never dropped; non-zeros off the support, which a k-sparse solver must not produce, are
     * reported rather than hidden.
     */
    private static void printCoefficients(java.io.PrintWriter out, int[] support, double[] x) {
        double largest = 0;
        for (int j : support) {
            largest = Math.max(largest, Math.abs(x[j]));
        }
        boolean all = support.length <= PRINT_ALL_UP_TO;
        int nearZero = 0;
        StringBuilder lines = new StringBuilder();
        for (int j : support) {
            boolean tiny = Math.abs(x[j]) <= NEAR_ZERO * largest;
            if (tiny) {
                nearZero++;
            }
            if (all || tiny) {
                lines.append(String.format(java.util.Locale.ROOT, "  index %d: %.6g%s%n", j, x[j],
                        tiny ? " (near zero: kept, the solver chose this index)" : ""));
            }
        }
        if (all) {
            out.println("coefficients on the support:");
        } else if (nearZero > 0) {
            out.println(nearZero + " of the " + support.length + " support coefficients are near zero:");
        }
        out.print(lines);
        boolean[] onSupport = new boolean[x.length];
        for (int j : support) {
            onSupport[j] = true;
        }
        int[] off = java.util.stream.IntStream.range(0, x.length).filter(j -> !onSupport[j] && x[j] != 0).toArray();
        if (off.length > 0) {
            out.println("note: the estimate has " + off.length + " non-zero coefficient" + (off.length == 1 ? "" : "s")
                    + " off the solver's support (0-based): " + Arrays.stream(off).limit(20)
                    .mapToObj(Integer::toString).collect(Collectors.joining(" ")) + (off.length > 20 ? " ..." : ""));
        }
    }

    /** The support file: a header, then one line per support index, coefficients exact. */
    static String supportTable(int[] support, double[] x) {
        StringBuilder text = new StringBuilder("index,coefficient\n");
        for (int j : support) {
            text.append(j).append(',').append(Double.toString(x[j])).append('\n');
        }
        return text.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.6g", v);
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
