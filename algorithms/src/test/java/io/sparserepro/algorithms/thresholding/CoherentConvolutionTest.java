package io.sparserepro.algorithms.thresholding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Robustness, not recovery: spike deconvolution by a smooth Gaussian kernel (width 3 samples)
 * has neighbouring columns correlated at 0.97 and supports of adjacent columns numerically
 * singular (SPEC-SEA). Every solver must return a finite k-sparse estimate without throwing.
 */
class CoherentConvolutionTest {

    /** 100×100, A[i][j] = exp(−(i − j)²/(2·3²)), columns scaled to unit norm. */
    static DenseMatrix gaussianConvolution(int n, double width) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = Math.exp(-(i - j) * (i - j) / (2 * width * width));
            }
        }
        return DenseMatrix.fromRows(rows).normalizeColumns();
    }

    static List<SparseSolver> solvers() {
        return List.of(new Iht(), new NormalizedIht(), new Htp(), new Cosamp(), new SubspacePursuit(),
                new Htp(Htp.Options.defaults().withStepScale(Htp.StepScale.INVERSE_SQUARED_SPECTRAL_NORM)),
                new Iht(Iht.Options.defaults().withDebias(true)),
                new Cosamp(Cosamp.Options.defaults().withDebias(true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"separated", "clustered", "adjacent"})
    void everySolverReturnsAFiniteKSparseEstimate(String layout) {
        DenseMatrix a = gaussianConvolution(100, 3.0);
        int[] spikes = switch (layout) {
            case "separated" -> new int[] {10, 30, 50, 70, 90};
            case "clustered" -> new int[] {40, 43, 46, 49, 52};
            default -> new int[] {60, 61, 62, 63, 64};
        };
        double[] x = new double[100];
        double[] amplitudes = {1.5, -1.2, 2.0, -1.8, 1.1};
        for (int s = 0; s < spikes.length; s++) {
            x[spikes[s]] = amplitudes[s];
        }
        double[] y = new double[100];
        a.apply(x, y);
        Problem p = new Problem(a, y, spikes.length, x, spikes);
        double yNorm = Naive.norm(y);
        for (SparseSolver solver : solvers()) {
            SparseResult r = solver.solve(p);
            String label = solver.name() + " on " + layout + " spikes";
            assertEquals(100, r.estimate().length, label);
            assertTrue(r.support().length <= 5, label);
            int nonZeros = 0;
            for (double v : r.estimate()) {
                assertTrue(Double.isFinite(v), label + ": non-finite estimate");
                nonZeros += v != 0 ? 1 : 0;
            }
            assertTrue(nonZeros <= 5, label);
            assertTrue(Double.isFinite(r.residualNorm()), label);
            // IHT and NIHT descend from x = 0, HTP and SP fit by least squares on a support,
            // CoSaMP returns its best iterate (x⁰ = 0 included): none ends worse than x = 0.
            assertTrue(r.residualNorm() <= yNorm * (1 + 1e-12), label + ": " + r.residualNorm());
        }
    }
}
