package io.sparserepro.experiments.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.Checks;
import io.sparserepro.core.data.Dataset;
import io.sparserepro.core.data.Standardization;
import io.sparserepro.core.data.TrainTestSplit;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a {@link RegressionSpec}: per data set, a seeded train/test split, the training samples
 * standardised ({@link Standardization}: centred, unit-norm columns, target centred), features
 * constant on the training samples dropped, then every solver at every k.
 *
 * <p>Metrics (the ELS paper's objective, Axiotis &amp; Sviridenko 2020, §6: the normalised
 * least-squares loss against k): {@code train_objective} = ‖Ãx − ỹ‖²/‖ỹ‖² on the standardised
 * training data, i.e. 1 − R² of the fitted model with intercept; {@code test_error} =
 * Σ(ŷ − y)²/Σ(y − ȳ_train)² on the test samples, the test error relative to predicting the
 * training mean (1 at the constant model, above 1 where the model generalises worse than that).
 *
 * <p>Files in {@code <results>/<name>/<hash>/}, hash = the first 12 hex digits of the SHA-256 of
 * the declaration with each data file's SHA-256: {@code regression.csv}
 * ({@link RegressionTable}) and {@code run.json} (declaration, data hashes, solvers' full
 * configurations, seeds, code version, JDK, machine, times). An existing complete result is
 * reused, not recomputed.
 */
public final class RegressionRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SolverRegistry solvers;

    public RegressionRunner(SolverRegistry solvers) {
        this.solvers = Checks.requireNonNull("solvers", solvers);
    }

    /**
     * What a run produced.
     *
     * @param directory where the files are
     * @param rows      the table
     * @param seconds   wall time of this invocation
     * @param reused    whether the result was found on disk rather than computed
     */
    public record Outcome(Path directory, List<RegressionTable.Row> rows, double seconds, boolean reused) {
    }

    /**
     * Runs (or reuses) {@code spec}.
     *
     * @param threads  worker threads, ≥ 1 (solves of one data set run in parallel; each row's time is its own solve)
     * @param progress receives one line per data set
     */
    public Outcome run(RegressionSpec spec, Path resultsRoot, int threads, Consumer<String> progress) {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("resultsRoot", resultsRoot);
        Checks.requirePositive("threads", threads);
        Checks.requireNonNull("progress", progress);
        spec.solvers().forEach(solvers::create); // every variant valid before any work
        long t0 = System.nanoTime();
        ObjectNode declaration = spec.json();
        ArrayNode ds = (ArrayNode) declaration.get("datasets");
        for (int d = 0; d < spec.datasets().size(); d++) {
            ((ObjectNode) ds.get(d)).put("sha256", sha256(spec.dataDir().resolve(spec.datasets().get(d).file())));
        }
        String hash = sha256(declaration.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        Path directory = resultsRoot.resolve(spec.name()).resolve(hash);
        Path table = directory.resolve(RegressionTable.FILE_NAME);
        Path runFile = directory.resolve("run.json");
        try {
            if (Files.isRegularFile(table) && Files.isRegularFile(runFile)) {
                return new Outcome(directory, RegressionTable.read(table), (System.nanoTime() - t0) * 1e-9, true);
            }
            Instant start = Instant.now();
            List<RegressionTable.Row> rows = new ArrayList<>();
            ObjectNode dataNotes = JSON.createObjectNode();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "regression-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                for (DatasetCatalog.Entry entry : spec.datasets()) {
                    long d0 = System.nanoTime();
                    Prepared p = prepare(spec, entry.load(spec.dataDir()));
                    dataNotes.set(entry.name(), p.notes);
                    List<Future<RegressionTable.Row>> futures = new ArrayList<>();
                    int kMax = Math.min(spec.kMax(), Math.min(p.train.cols(), p.train.rows()));
                    for (int k = spec.kMin(); k <= kMax; k++) {
                        for (SolverVariant v : spec.solvers()) {
                            int kk = k;
                            futures.add(pool.submit(() -> solve(p, v, kk)));
                        }
                    }
                    for (Future<RegressionTable.Row> f : futures) {
                        rows.add(f.get());
                    }
                    progress.accept(String.format(java.util.Locale.ROOT, "%s: %d×%d (train %d, test %d), k = %d..%d, "
                                    + "%d solvers: %.1f s", entry.name(), p.train.rows() + p.testRows, p.train.cols(),
                            p.train.rows(), p.testRows, spec.kMin(), kMax, spec.solvers().size(),
                            (System.nanoTime() - d0) * 1e-9));
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                pool.shutdownNow();
            }
            Files.createDirectories(directory);
            AtomicFiles.writeText(table, RegressionTable.text(rows));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            ObjectNode run = JSON.createObjectNode();
            run.put("experiment", spec.name());
            run.put("hash", hash);
            run.set("declaration", declaration);
            ObjectNode configurations = run.putObject("solvers");
            for (SolverVariant v : spec.solvers()) {
                configurations.set(v.label(), solvers.identity(v));
            }
            run.set("data", dataNotes);
            run.put("start", start.toString());
            run.put("seconds", seconds);
            run.put("threads", threads);
            Provenance.describeInto(run);
            AtomicFiles.writeText(runFile, JSON.writeValueAsString(run) + "\n");
            return new Outcome(directory, rows, seconds, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of " + spec.name() + " in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The standardised training data, the test data on the same scale, and what was done to get them. */
    private record Prepared(String dataset, List<String> names, DenseMatrix train, double[] trainTarget,
                            DenseMatrix test, double[] testTarget, int testRows, ObjectNode notes) {
    }

    private static Prepared prepare(RegressionSpec spec, Dataset data) {
        ObjectNode notes = JSON.createObjectNode();
        notes.put("samples", data.samples());
        notes.put("features", data.featureCount());
        if (data.samples() > spec.maxSamples()) {
            int[] keep = TrainTestSplit.of(data.samples(), 1.0 - (double) spec.maxSamples() / data.samples(),
                    Seeds.trialSeed(spec.seed(), 1)).train();
            data = data.rows(keep);
            notes.put("subsampledTo", data.samples());
        }
        TrainTestSplit split = TrainTestSplit.of(data.samples(), spec.testFraction(), Seeds.trialSeed(spec.seed(), 0));
        Dataset train = data.rows(split.train());
        int[] constant = train.constantFeatures();
        if (constant.length > 0) {
            ArrayNode dropped = notes.putArray("droppedConstantFeatures");
            for (int j : constant) {
                dropped.add(train.featureNames().get(j));
            }
            train = train.withoutConstantFeatures();
            data = data.columns(columnsOf(data, train.featureNames()));
        }
        Standardization std = Standardization.fit(train);
        Dataset test = data.rows(split.test());
        notes.put("trainSamples", split.train().length);
        notes.put("testSamples", split.test().length);
        notes.put("featuresUsed", train.featureCount());
        return new Prepared(data.name(), train.featureNames(), std.features(train.features()),
                std.target(train.target()), std.features(test.features()), std.target(test.target()),
                split.test().length, notes);
    }

    private static int[] columnsOf(Dataset data, List<String> names) {
        return names.stream().mapToInt(n -> data.featureNames().indexOf(n)).toArray();
    }

    private RegressionTable.Row solve(Prepared p, SolverVariant variant, int k) {
        SparseSolver solver = solvers.create(variant);
        long t0 = System.nanoTime();
        SparseResult result = solver.solve(Problem.of(p.train, p.trainTarget, k));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] z = result.estimate();
        double train = relativeSquaredError(p.train, p.trainTarget, z);
        double test = p.testRows == 0 ? Double.NaN : relativeSquaredError(p.test, p.testTarget, z);
        StringBuilder support = new StringBuilder();
        for (int j : result.support()) {
            if (support.length() > 0) {
                support.append(' ');
            }
            support.append(p.names.get(j));
        }
        return new RegressionTable.Row(p.dataset, p.train.cols(), p.train.rows(), p.testRows, k, variant.label(),
                train, test, seconds, result.iterations(), support.toString());
    }

    /** ‖Az − y‖²/‖y‖² (y is centred by the training mean, so this is relative to the constant model). */
    static double relativeSquaredError(DenseMatrix a, double[] y, double[] z) {
        double[] r = new double[a.rows()];
        a.apply(z, r);
        double num = 0;
        double den = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] - y[i];
            num += d * d;
            den += y[i] * y[i];
        }
        return den == 0 ? (num == 0 ? 0 : Double.POSITIVE_INFINITY) : num / den;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
