package io.sparserepro.benchmarks;

import io.sparserepro.core.linalg.DenseMatrix;
import java.util.SplittableRandom;

/** Deterministic benchmark inputs (fixed seeds, so runs are comparable). */
final class BenchmarkData {
    private BenchmarkData() {
    }

    static DenseMatrix gaussian(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[m * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble() - 0.5;
        }
        return DenseMatrix.wrapColumnMajor(m, n, data).normalizeColumns();
    }

    static double[] vector(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        return v;
    }
}
