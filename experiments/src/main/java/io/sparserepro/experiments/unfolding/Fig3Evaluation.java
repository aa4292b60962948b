package io.sparserepro.experiments.unfolding;

import io.sparserepro.algorithms.unfolding.ComplexOmp;
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.algorithms.unfolding.net.TrainingSample;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexProblem;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Fig. 3's evaluations: the plain (hard) and soft algorithms with a given weight vector on a
 * set of samples, per-sample squared error ‖Re x̂ − x‖² (the training loss, whose mean is the
 * paper's "MSE") and relative error ‖Re x̂ − x‖/‖x‖ (the box plots).
 */
public final class Fig3Evaluation {
    private Fig3Evaluation() {
    }

    /** Hard thresholding/selection (OMP, IHT) or its softsort relaxation (Soft-OMP, Soft-IHT). */
    public enum Kind {
        HARD,
        SOFT
    }

    /** Per-sample errors of one algorithm on one set, in sample order. */
    public record Errors(String algorithm, String set, double[] squared, double[] relative) {
        public double meanSquared() {
            double sum = 0;
            for (double v : squared) {
                sum += v;
            }
            return sum / squared.length;
        }

        public double medianRelative() {
            double[] sorted = relative.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        }
    }

    /**
     * The algorithm of {@code spec.network()} — {@code kind} HARD: OMP (s iterations) or IHT
     * (the network's layers, step η); SOFT: Soft-OMP / Soft-IHT at the spec's τ, as the network
     * computes them — with {@code weights} (null: all ones) on every sample of {@code samples},
     * on {@code threads} threads; the numbers do not depend on the thread count.
     */
    public static Errors evaluate(Fig3Spec spec, Fig3Data data, Kind kind, double[] weights, String algorithm,
                                  String set, List<TrainingSample> samples, int threads) {
        Checks.requireNonNull("samples", samples);
        Checks.requirePositive("threads", threads);
        int count = samples.size();
        double[] squared = new double[count];
        double[] relative = new double[count];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                TrainingSample sample = samples.get(i);
                double[] estimate = run(spec, data.problem(sample, spec.sparsity()), kind, weights);
                double sq = 0;
                double norm = 0;
                double[] x = sample.target();
                for (int j = 0; j < x.length; j++) {
                    double d = estimate[2 * j] - x[j]; // only the real part is penalised
                    sq += d * d;
                    norm += x[j] * x[j];
                }
                squared[i] = sq;
                relative[i] = Math.sqrt(sq / norm);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation of " + algorithm + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Errors(algorithm, set, squared, relative);
    }

    private static double[] run(Fig3Spec spec, ComplexProblem problem, Kind kind, double[] weights) {
        if (spec.network() == Fig3Spec.Network.OMP_NET) {
            if (kind == Kind.HARD) {
                return new ComplexOmp(spec.layers(), ColumnLeastSquares.Method.INCREMENTAL_QR)
                        .solve(problem, weights, null).estimate();
            }
            return new SoftOmp(SoftOmp.Options.defaults().withTau(spec.tau()).withIterations(spec.layers()))
                    .solve(problem, weights, null).estimate();
        }
        if (kind == Kind.HARD) {
            return SoftIht.hard(problem, weights, spec.layers(), spec.step(), null).estimate();
        }
        return new SoftIht(SoftIht.Options.defaults().withTau(spec.tau()).withIterations(spec.layers())
                .withStep(spec.step())).solve(problem, weights, null).estimate();
    }

    /**
     * How well weights single out the hidden set: the fraction of the hidden set among the
     * |hidden| indices of largest |w| (precision at |hidden|, ties to the lowest index), and the
     * area under the ROC curve of |w| as a score for "is hidden" (1 = every hidden index above
     * every other; 0.5 = chance; ties count one half).
     */
    public record Separation(double precisionAtHidden, double auc) {
        public static Separation of(double[] weights, int[] hidden) {
            int n = weights.length;
            boolean[] isHidden = new boolean[n];
            for (int j : hidden) {
                isHidden[j] = true;
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int c = Double.compare(Math.abs(weights[b]), Math.abs(weights[a]));
                return c != 0 ? c : Integer.compare(a, b);
            });
            int found = 0;
            for (int r = 0; r < hidden.length; r++) {
                if (isHidden[order[r]]) {
                    found++;
                }
            }
            double pairs = 0;
            double wins = 0;
            for (int i : hidden) {
                for (int j = 0; j < n; j++) {
                    if (!isHidden[j]) {
                        pairs++;
                        double a = Math.abs(weights[i]);
                        double b = Math.abs(weights[j]);
                        wins += a > b ? 1 : a == b ? 0.5 : 0;
                    }
                }
            }
            return new Separation((double) found / hidden.length, pairs == 0 ? 1 : wins / pairs);
        }
    }
}
