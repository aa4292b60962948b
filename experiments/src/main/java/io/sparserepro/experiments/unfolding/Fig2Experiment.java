package io.sparserepro.experiments.unfolding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.unfolding.ComplexOmp;
import io.sparserepro.algorithms.unfolding.IterateListener;
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexVectors;
import io.sparserepro.core.complex.RealAsComplexOperator;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.GaussianMatrices;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Runs the unfolding paper's Fig. 2 experiment ({@link Fig2Spec}) and writes, into its folder:
 * <ul>
 *   <li>{@value #ERRORS}: one row per trial and curve point
 *       ({@code panel,algorithm,sigma,iteration,tau,trial,value}; {@code tau} empty for the exact
 *       algorithms; value = ‖x̂ − x‖ in panels a/b, ‖x⁽ⁿ⁾ − x̃⁽ⁿ⁾‖/‖x⁽ⁿ⁾‖ in c/d);</li>
 *   <li>{@value #SUMMARY}: per curve point the mean and standard deviation (numpy's, ddof = 0)
 *       of log10(value) in a/b and of log10(1e-12 + value) in c/d, the paper's plotting rule;</li>
 *   <li>{@code run.json}: the spec, seed rule, code version and time.</li>
 * </ul>
 * One soft run per (trial, σ, τ) serves both panels: the loops never stop early, so the n-th
 * iterate of a longer run is the n-th iterate of a shorter one. Trials run in parallel, each
 * from its own seed; the files do not depend on the number of threads.
 */
public final class Fig2Experiment {
    public static final String ERRORS = "errors.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String SUMMARY_HEADER = "panel,algorithm,sigma,iteration,tau,mean_log10,std_log10,trials";
    /** The offset of the difference panels' log scale (the authors' plotting code). */
    public static final double DIFFERENCE_FLOOR = 1e-12;

    private Fig2Experiment() {
    }

    /** What a run did. */
    public record Outcome(Path directory, int trials, double seconds) {
    }

    /** Runs {@code spec} on {@code threads} threads and writes its files into {@code directory}. */
    public static Outcome run(Fig2Spec spec, Path directory, int threads) throws IOException {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("directory", directory);
        Checks.requirePositive("threads", threads);
        Files.createDirectories(directory);
        long start = System.nanoTime();
        List<List<String>> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int trial = 0; trial < spec.instances(); trial++) {
                int t = trial;
                futures.add(pool.submit(() -> trial(spec, t)));
            }
            for (Future<List<String>> f : futures) {
                rows.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a Fig. 2 trial failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder errors = new StringBuilder("panel,algorithm,sigma,iteration,tau,trial,value\n");
        rows.forEach(r -> r.forEach(line -> errors.append(line).append('\n')));
        AtomicFiles.writeText(directory.resolve(ERRORS), errors);
        AtomicFiles.writeText(directory.resolve(SUMMARY), summary(rows));
        writeRecord(spec, directory, seconds, threads);
        return new Outcome(directory, spec.instances(), seconds);
    }

    /** All rows of one trial: the exact and soft algorithms at every σ and τ. */
    static List<String> trial(Fig2Spec spec, int trial) {
        UniformRandomProvider rng = Seeds.rng(spec.seed(), trial);
        DenseMatrix a = GaussianMatrices.standardNormalUnitColumns(spec.rows(), spec.cols(), rng);
        double[] x = sampleX(spec, rng);
        double[] truth = ComplexVectors.fromReal(x);
        List<String> out = new ArrayList<>();
        boolean mainPanels = trial < spec.trials();
        for (int k = 0; k < spec.sigmas().length; k++) {
            double sigma = spec.sigmas()[k];
            boolean differences = sigma == spec.differenceSigma() && trial < spec.differenceTrials();
            if (!mainPanels && !differences) {
                continue; // each σ's noise has its own seed: skipping one leaves the others unchanged
            }
            double[] y = new double[spec.rows()];
            a.apply(x, y);
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(
                    Seeds.rng(spec.seed(), trial, 1 + k));
            for (int i = 0; i < y.length; i++) {
                y[i] += sigma * g.sample() / Math.sqrt(spec.rows());
            }
            int ompRun = spec.ompIterations();
            int ihtRun = spec.ihtIterations();
            if (differences) {
                for (int n : spec.ompDifferenceAt()) {
                    ompRun = Math.max(ompRun, n);
                }
                for (int n : spec.ihtDifferenceAt()) {
                    ihtRun = Math.max(ihtRun, n);
                }
            }
            int[] ompKeep = keep(spec.ompIterations(), differences ? spec.ompDifferenceAt() : new int[0]);
            int[] ihtKeep = keep(spec.ihtIterations(), differences ? spec.ihtDifferenceAt() : new int[0]);

            Map<Integer, double[]> omp = new LinkedHashMap<>();
            new ComplexOmp(ompRun, ColumnLeastSquares.Method.INCREMENTAL_QR).solve(problem(a, y, spec), null,
                    capture(ompKeep, omp));
            Map<Integer, double[]> iht = new LinkedHashMap<>();
            SoftIht.hard(problem(a, y, spec), null, ihtRun, spec.step(), capture(ihtKeep, iht));
            String sig = Double.toString(sigma);
            if (mainPanels) {
                out.add(row("a", "OMP", sig, spec.ompIterations(), "", trial,
                        ComplexVectors.distance(omp.get(spec.ompIterations()), truth, spec.cols())));
                out.add(row("b", "IHT", sig, spec.ihtIterations(), "", trial,
                        ComplexVectors.distance(iht.get(spec.ihtIterations()), truth, spec.cols())));
            }
            for (double exponent : spec.tauExponents()) {
                double tau = Math.pow(10, exponent);
                String tauText = Double.toString(tau);
                Map<Integer, double[]> softOmp = new LinkedHashMap<>();
                new SoftOmp(SoftOmp.Options.defaults().withTau(tau).withIterations(ompRun))
                        .solve(problem(a, y, spec), null, capture(ompKeep, softOmp));
                Map<Integer, double[]> softIht = new LinkedHashMap<>();
                new SoftIht(SoftIht.Options.defaults().withTau(tau).withIterations(ihtRun).withStep(spec.step()))
                        .solve(problem(a, y, spec), null, capture(ihtKeep, softIht));
                if (mainPanels) {
                    out.add(row("a", "Soft-OMP", sig, spec.ompIterations(), tauText, trial,
                            ComplexVectors.distance(softOmp.get(spec.ompIterations()), truth, spec.cols())));
                    out.add(row("b", "Soft-IHT", sig, spec.ihtIterations(), tauText, trial,
                            ComplexVectors.distance(softIht.get(spec.ihtIterations()), truth, spec.cols())));
                }
                if (differences) {
                    for (int n : spec.ompDifferenceAt()) {
                        out.add(row("c", "Soft-OMP vs OMP", sig, n, tauText, trial,
                                relativeDistance(omp.get(n), softOmp.get(n), spec.cols())));
                    }
                    for (int n : spec.ihtDifferenceAt()) {
                        out.add(row("d", "Soft-IHT vs IHT", sig, n, tauText, trial,
                                relativeDistance(iht.get(n), softIht.get(n), spec.cols())));
                    }
                }
            }
        }
        return out;
    }

    /** x of one trial, by the spec's sampling rule. */
    static double[] sampleX(Fig2Spec spec, UniformRandomProvider rng) {
        int n = spec.cols();
        int s = spec.sparsity();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] indices = new int[s];
        if (spec.sampling() == Fig2Sampling.AUTHORS_WITH_REPLACEMENT) {
            for (int i = 0; i < s; i++) {
                indices[i] = 1 + rng.nextInt(n - 1); // {1, …, N−1}, with replacement
            }
        } else {
            int[] pool = new int[n];
            for (int j = 0; j < n; j++) {
                pool[j] = j;
            }
            for (int i = 0; i < s; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = pool[i];
                pool[i] = pool[j];
                pool[j] = tmp;
                indices[i] = pool[i];
            }
        }
        double[] amplitudes = new double[s];
        double norm = 0;
        for (int i = 0; i < s; i++) {
            amplitudes[i] = g.sample();
            norm += amplitudes[i] * amplitudes[i];
        }
        norm = Math.sqrt(norm);
        double[] x = new double[n];
        for (int i = 0; i < s; i++) {
            x[indices[i]] = amplitudes[i] / norm; // normalised before duplicates overwrite
        }
        return x;
    }

    private static ComplexProblem problem(DenseMatrix a, double[] y, Fig2Spec spec) {
        // A fresh adapter per solve: it keeps split buffers and is not thread-safe.
        return new ComplexProblem(new RealAsComplexOperator(a), ComplexVectors.fromReal(y), spec.sparsity(), null);
    }

    private static int[] keep(int main, int[] more) {
        int[] k = java.util.Arrays.copyOf(more, more.length + 1);
        k[more.length] = main;
        return k;
    }

    private static IterateListener capture(int[] keep, Map<Integer, double[]> into) {
        return (iteration, estimate) -> {
            for (int n : keep) {
                if (n == iteration) {
                    into.put(n, estimate.clone());
                }
            }
        };
    }

    private static double relativeDistance(double[] exact, double[] soft, int n) {
        double norm = ComplexVectors.norm2(exact, n);
        return ComplexVectors.distance(exact, soft, n) / norm;
    }

    private static String row(String panel, String algorithm, String sigma, int iteration, String tau, int trial,
                              double value) {
        return panel + "," + algorithm + "," + sigma + "," + iteration + "," + tau + "," + trial + ","
                + Double.toString(value);
    }

    /** Mean and standard deviation (ddof = 0) of the log10 values per curve point, in first-seen order. */
    static String summary(List<List<String>> trials) {
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        for (List<String> rows : trials) {
            for (String line : rows) {
                int cut = nthComma(line, 5);
                String key = line.substring(0, cut);
                double value = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
                boolean difference = key.startsWith("c,") || key.startsWith("d,");
                groups.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(Math.log10(difference ? DIFFERENCE_FLOOR + value : value));
            }
        }
        StringBuilder out = new StringBuilder(SUMMARY_HEADER).append('\n');
        groups.forEach((key, values) -> {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
            out.append(key).append(',').append(mean).append(',').append(Math.sqrt(var)).append(',')
                    .append(values.size()).append('\n');
        });
        return out.toString();
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(',', at + 1);
        }
        return at;
    }

    private static void writeRecord(Fig2Spec spec, Path directory, double seconds, int threads) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("experiment", "unfolding-fig2");
        ObjectNode s = root.putObject("spec");
        s.put("m", spec.rows());
        s.put("N", spec.cols());
        s.put("s", spec.sparsity());
        s.set("sigmas", json.valueToTree(spec.sigmas()));
        s.set("tauExponents", json.valueToTree(spec.tauExponents()));
        s.put("trials", spec.trials());
        s.put("ompIterations", spec.ompIterations());
        s.put("ihtIterations", spec.ihtIterations());
        s.put("step", spec.step());
        s.put("differenceSigma", spec.differenceSigma());
        s.set("ompDifferenceAt", json.valueToTree(spec.ompDifferenceAt()));
        s.set("ihtDifferenceAt", json.valueToTree(spec.ihtDifferenceAt()));
        s.put("differenceTrials", spec.differenceTrials());
        s.put("sampling", spec.sampling().name());
        s.put("seed", spec.seed());
        root.put("seedRule", "trial i: Seeds.rng(seed, i) draws A (Gaussian, unit columns) then x; "
                + "Seeds.rng(seed, i, 1 + k) draws the noise of sigma_k");
        root.put("leastSquares", "incremental Householder QR, pivoted QR + complete orthogonal decomposition when "
                + "rank is in doubt (cutoff eps*max(m, t), as gelsy under torch.linalg.lstsq)");
        root.put("seconds", seconds);
        root.put("threads", threads);
        root.put("finished", Instant.now().toString());
        Provenance.describeInto(root);
        AtomicFiles.writeText(directory.resolve("run.json"), json.writeValueAsString(root) + "\n");
    }

    /** Formats a number for the report. */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
