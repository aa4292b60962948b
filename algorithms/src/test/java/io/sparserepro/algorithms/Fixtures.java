package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Deterministic test instances, independent of the generators under test elsewhere. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Gaussian matrix with unit-norm columns. */
    public static DenseMatrix gaussianMatrix(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[m * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = gaussian(rng);
        }
        return DenseMatrix.wrapColumnMajor(m, n, data).normalizeColumns();
    }

    /** Noiseless y = A x* with amplitudes uniform in [−2,−1]∪[1,2] on a random support. */
    public static Problem gaussianProblem(int m, int n, int k, long seed) {
        return problem(gaussianMatrix(m, n, seed), k, 0.0, seed + 1);
    }

    /** y = A x* + e with ‖e‖₂ = noiseNorm, x* as in {@link #gaussianProblem}. */
    public static Problem problem(DenseMatrix a, int k, double noiseNorm, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = a.cols();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] support = Arrays.copyOf(perm, k);
        Arrays.sort(support);
        double[] x = new double[n];
        for (int j : support) {
            x[j] = (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextDouble());
        }
        double[] y = new double[a.rows()];
        a.apply(x, y);
        if (noiseNorm > 0) {
            double[] e = new double[y.length];
            double s = 0;
            for (int i = 0; i < e.length; i++) {
                e[i] = gaussian(rng);
                s += e[i] * e[i];
            }
            double scale = noiseNorm / Math.sqrt(s);
            for (int i = 0; i < e.length; i++) {
                y[i] += scale * e[i];
            }
        }
        return new Problem(a, y, k, x, support);
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
