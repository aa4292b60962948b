package io.sparserepro.algorithms.thresholding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparserepro.algorithms.Fixtures;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SupportFitTest {

    /**
     * A random walk over supports mixing small moves (the incremental update path), enough of
     * them to pass the periodic refresh, and large moves (the rebuild path); after every move
     * the fit must equal least squares refactorised from scratch.
     */
    @Test
    void everyMoveGivesTheLeastSquaresFitOfTheNewSupport() {
        int m = 30;
        int n = 60;
        int capacity = 12;
        DenseMatrix a = Fixtures.gaussianMatrix(m, n, 71);
        SplittableRandom rng = new SplittableRandom(72);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = rng.nextDouble() - 0.5;
        }
        SupportFit fit = new SupportFit(a, y, capacity);
        double[] x = new double[n];
        int[] previous = new int[0];
        int[] support = new int[0];
        for (int step = 0; step < 3000; step++) {
            // First 2500 moves: full supports, 1–2 swaps each (≥ 2 column changes), so more
            // than REFRESH_AFTER_CHANGES = 4096 incremental changes accumulate. Then random
            // sizes and every third move a complete replacement (the rebuild path).
            boolean walk = step < 2500;
            int size = walk ? capacity : 1 + rng.nextInt(capacity);
            int changes = !walk && step % 3 == 0 ? size : 1 + rng.nextInt(2);
            support = nextSupport(support, size, changes, n, rng);
            fit.moveTo(support, support.length);
            fit.estimate(x, previous, previous.length);
            previous = support;
            double[] expected = Naive.leastSquares(a, y, support);
            // Gaussian 30×≤12 submatrices: cond ≲ 10, so both QR methods agree to ~1e-14.
            assertArrayEquals(expected, x, 1e-11, "step " + step);
            double[] residual = new double[m];
            fit.residual(residual);
            assertArrayEquals(Naive.residual(a, y, expected), residual, 1e-11, "step " + step);
            assertEquals(support.length, fit.size());
        }
    }

    /** A sorted support of the given size keeping all but about {@code changes} of the old indices. */
    private static int[] nextSupport(int[] old, int size, int changes, int n, SplittableRandom rng) {
        boolean[] in = new boolean[n];
        int count = 0;
        for (int j : old) {
            if (count < size - Math.min(changes, size)) {
                in[j] = true;
                count++;
            }
        }
        while (count < size) {
            int j = rng.nextInt(n);
            if (!in[j]) {
                in[j] = true;
                count++;
            }
        }
        int[] out = new int[size];
        for (int j = 0, c = 0; j < n; j++) {
            if (in[j]) {
                out[c++] = j;
            }
        }
        return Arrays.copyOf(out, size);
    }
}
