package io.sparserepro.algorithms.unfolding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexDenseMatrix;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexProblems;
import io.sparserepro.core.complex.ComplexVectors;
import io.sparserepro.core.complex.PartialDft;
import io.sparserepro.core.complex.RealAsComplexOperator;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.GaussianMatrices;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Soft-OMP and Soft-IHT against their hard counterparts (one-hot rows: the same bits), the
 * hard complex versions against the real ones and a naive IHT on real data, the τ → 0 limit
 * on random instances, options as data and bad inputs.
 */
class UnfoldingSolversTest {
    /** τ so small that every softsort row is exactly one-hot: score gaps here are ≫ 746·τ. */
    private static final double ONE_HOT_TAU = 1e-200;

    /** The Fig. 2 setting, scaled down: Gaussian unit-column A, s-sparse unit-norm x, noise σ. */
    static Problem realInstance(int m, int n, int s, double sigma, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        DenseMatrix a = GaussianMatrices.standardNormalUnitColumns(m, n, rng);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        List<Integer> indices = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            indices.add(j);
        }
        Collections.shuffle(indices, new java.util.Random(seed));
        double[] x = new double[n];
        double norm = 0;
        for (int i = 0; i < s; i++) {
            x[indices.get(i)] = g.sample();
            norm += x[indices.get(i)] * x[indices.get(i)];
        }
        for (int j = 0; j < n; j++) {
            x[j] /= Math.sqrt(norm);
        }
        double[] y = new double[m];
        a.apply(x, y);
        for (int i = 0; i < m; i++) {
            y[i] += sigma * g.sample() / Math.sqrt(m);
        }
        return new Problem(a, y, s, x, null);
    }

    static ComplexProblem complexOf(Problem p) {
        return new ComplexProblem(new RealAsComplexOperator(p.operator()), ComplexVectors.fromReal(p.observations()),
                p.sparsity(), ComplexVectors.fromReal(p.truth()));
    }

    static ComplexProblem dftInstance(int m, long seed) {
        ComplexLinearOperator a = PartialDft.fast(256, PartialDft.sampleRows(256, m, Seeds.rng(seed)));
        return ComplexProblems.structured(a, ComplexProblems.hiddenSet(256, 20, Seeds.rng(seed + 1)), 10, 1e-3,
                Seeds.rng(seed + 2));
    }

    @Test
    void softOmpWithOneHotRowsIsOmpBitForBit() {
        List<ComplexProblem> problems = List.of(complexOf(realInstance(60, 120, 8, 1e-3, 1)), dftInstance(20, 2),
                new ComplexProblem(ComplexDenseMatrix.copyOf(dftInstance(20, 3).operator()),
                        dftInstance(20, 3).observations(), 10, null));
        for (ComplexProblem p : problems) {
            List<double[]> hardIterates = new ArrayList<>();
            List<double[]> softIterates = new ArrayList<>();
            UnfoldingResult hard = new ComplexOmp(0, ColumnLeastSquares.Method.INCREMENTAL_QR)
                    .solve(p, null, (t, x) -> hardIterates.add(x.clone()));
            UnfoldingResult soft = new SoftOmp(SoftOmp.Options.defaults().withTau(ONE_HOT_TAU))
                    .solve(p, null, (t, x) -> softIterates.add(x.clone()));
            assertArrayEquals(hard.selected(), soft.selected());
            assertArrayEquals(hard.estimate(), soft.estimate(), 0.0);
            for (int t = 0; t < hardIterates.size(); t++) {
                assertArrayEquals(hardIterates.get(t), softIterates.get(t), 0.0, "iterate " + (t + 1));
            }
        }
    }

    @Test
    void softIhtWithOneHotRowsIsIhtBitForBit() {
        for (ComplexProblem p : List.of(complexOf(realInstance(60, 120, 6, 1e-3, 4)), dftInstance(36, 5))) {
            UnfoldingResult hard = SoftIht.hard(p, null, 30, 0.5, null);
            UnfoldingResult soft = new SoftIht(SoftIht.Options.defaults().withTau(ONE_HOT_TAU).withStep(0.5))
                    .solve(p, null, null);
            assertArrayEquals(hard.selected(), soft.selected());
            assertArrayEquals(hard.estimate(), soft.estimate(), 0.0);
        }
    }

    @Test
    void complexOmpOnRealDataAgreesWithTheRealOmp() {
        for (long seed = 10; seed < 15; seed++) {
            Problem p = realInstance(50, 100, 6, 1e-2, seed);
            SparseResult real = new Omp(Omp.Options.defaults().withResidualTolerance(0)).solve(p);
            UnfoldingResult complex = new ComplexOmp(0, ColumnLeastSquares.Method.PIVOTED_QR).solve(complexOf(p), null,
                    null);
            int[] sorted = complex.selected().clone();
            java.util.Arrays.sort(sorted);
            assertArrayEquals(real.support(), sorted);
            for (int j = 0; j < p.cols(); j++) {
                // Two least-squares routes (Gram–Schmidt vs Householder) on a well-conditioned
                // 50×6 support: agreement to ~10 ε·cond.
                assertEquals(real.estimate()[j], complex.estimate()[2 * j], 1e-12);
                assertEquals(0.0, complex.estimate()[2 * j + 1], 0.0, "real data stays real");
            }
        }
    }

    @Test
    void complexIhtOnRealDataAgreesWithANaiveRealIht() {
        Problem p = realInstance(60, 120, 5, 1e-3, 20);
        DenseMatrix a = (DenseMatrix) p.operator();
        int n = p.cols();
        double[] x = new double[n];
        for (int t = 0; t < 30; t++) {
            double[] r = p.observations().clone();
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < n; j++) {
                    r[i] -= a.get(i, j) * x[j];
                }
            }
            double[] u = new double[n];
            for (int j = 0; j < n; j++) {
                double g = 0;
                for (int i = 0; i < p.rows(); i++) {
                    g += a.get(i, j) * r[i];
                }
                u[j] = x[j] + 0.6 * g;
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, (i, j) -> Double.compare(Math.abs(u[j]), Math.abs(u[i])));
            x = new double[n];
            for (int k = 0; k < 5; k++) {
                x[order[k]] = u[order[k]];
            }
        }
        UnfoldingResult complex = SoftIht.hard(complexOf(p), null, 30, 0.6, null);
        for (int j = 0; j < n; j++) {
            // Different summation orders over 30 contracting iterations: ~1e-15 per step.
            assertEquals(x[j], complex.estimate()[2 * j], 1e-12);
        }
    }

    @Test
    void complexIhtOnRealDataAgreesWithTheSuitesIht() {
        // The suite's IHT steps μ = stepFactor/‖A‖²; choosing stepFactor = η/μ₁ (μ₁ its step at
        // stepFactor 1) gives μ = η up to one rounding, and tolerance 0 runs every iteration.
        Problem p = realInstance(60, 120, 5, 1e-3, 21);
        double unitStep = new io.sparserepro.algorithms.thresholding.Iht(
                io.sparserepro.algorithms.thresholding.Iht.Options.defaults().withMaxIterations(1)).solve(p)
                .diagnostic("step");
        io.sparserepro.algorithms.thresholding.Iht iht = new io.sparserepro.algorithms.thresholding.Iht(
                io.sparserepro.algorithms.thresholding.Iht.Options.defaults().withMaxIterations(30).withIterateTolerance(0)
                        .withStepFactor(0.6 / unitStep));
        SparseResult real = iht.solve(p);
        assertEquals(0.6, real.diagnostic("step"), 1e-15);
        UnfoldingResult complex = SoftIht.hard(complexOf(p), null, 30, 0.6, null);
        for (int j = 0; j < p.cols(); j++) {
            // Steps differing by an ulp, 30 contracting iterations: agreement to ~1e-14.
            assertEquals(real.estimate()[j], complex.estimate()[2 * j], 1e-12);
        }
    }

    @Test
    void softErrorTendsToTheHardErrorAsTauDecreases() {
        // Property on random instances: ‖x̃(τ) − x̂‖ → 0 as τ → 0, hence err(Soft-X) → err(X).
        double[] taus = {1e-1, 1e-3, 1e-5, 1e-7, 1e-9};
        for (long seed = 30; seed < 40; seed++) {
            Problem real = realInstance(80, 160, 8, 1e-3, seed);
            ComplexProblem p = complexOf(real);
            double[] truth = p.truth();
            UnfoldingResult omp = new ComplexOmp(0, ColumnLeastSquares.Method.INCREMENTAL_QR).solve(p, null, null);
            UnfoldingResult iht = SoftIht.hard(p, null, 30, 0.6, null);
            double ompError = ComplexVectors.distance(omp.estimate(), truth, 160);
            double ihtError = ComplexVectors.distance(iht.estimate(), truth, 160);
            double ompGap = 0;
            double ihtGap = 0;
            for (double tau : taus) {
                double softOmpError = ComplexVectors.distance(new SoftOmp(SoftOmp.Options.defaults().withTau(tau))
                        .solve(p, null, null).estimate(), truth, 160);
                double softIhtError = ComplexVectors.distance(new SoftIht(SoftIht.Options.defaults().withTau(tau))
                        .solve(p, null, null).estimate(), truth, 160);
                ompGap = Math.abs(softOmpError - ompError);
                ihtGap = Math.abs(softIhtError - ihtError);
            }
            // At τ = 1e-9 the rows are one-hot to within 2(N−1)e^{−δ/τ}: the gap is round-off.
            assertTrue(ompGap < 1e-9, "seed " + seed + ": Soft-OMP error − OMP error = " + ompGap);
            assertTrue(ihtGap < 1e-9, "seed " + seed + ": Soft-IHT error − IHT error = " + ihtGap);
        }
    }

    @Test
    void leastSquaresMethodsAgreeAndLargeTauStaysFinite() {
        ComplexProblem p = complexOf(realInstance(60, 120, 8, 1e-3, 50));
        for (double tau : new double[] {1e-3, 1e-1, 10, 1e3}) {
            UnfoldingResult a = new SoftOmp(SoftOmp.Options.defaults().withTau(tau)
                    .withLeastSquares(ColumnLeastSquares.Method.PIVOTED_QR)).solve(p, null, null);
            UnfoldingResult b = new SoftOmp(SoftOmp.Options.defaults().withTau(tau)
                    .withLeastSquares(ColumnLeastSquares.Method.INCREMENTAL_QR)).solve(p, null, null);
            assertTrue(ComplexVectors.allFinite(a.estimate()), "τ " + tau);
            double scale = ComplexVectors.norm2(a.estimate(), 120);
            // The fast path is taken only when the full-rank minimiser is provably unique; else it hands over.
            assertEquals(0, ComplexVectors.distance(a.estimate(), b.estimate(), 120), 1e-8 * (1 + scale), "τ " + tau);
        }
    }

    @Test
    void registeredAndConfigurableAsData() {
        SolverRegistry registry = SolverRegistry.defaults();
        SparseSolver omp = registry.create(new SolverVariant("soft", "soft-omp",
                new java.util.TreeMap<>(Map.of("tau", JsonNodeFactory.instance.numberNode(1e-3))), null));
        assertEquals(registry.parseOption("soft-omp", "tau", "1e-3"), JsonNodeFactory.instance.numberNode(1e-3));
        assertEquals(1e-3, ((SoftOmp) omp).options().tau());
        Problem p = realInstance(60, 120, 5, 0, 60);
        SparseResult r = omp.solve(p);
        assertEquals(5, r.support().length);
        assertTrue(ComplexVectors.distance(ComplexVectors.fromReal(r.estimate()), ComplexVectors.fromReal(p.truth()),
                120) < 1e-6, "noiseless, easy: Soft-OMP at τ = 1e-3 recovers x");
        SparseSolver iht = registry.create(new SolverVariant("s", "soft-iht",
                new java.util.TreeMap<>(Map.of("step", JsonNodeFactory.instance.numberNode(0.5),
                        "weights", JsonNodeFactory.instance.textNode("1, 1,1"))), null));
        assertEquals(0.5, ((SoftIht) iht).options().step());
        assertThrows(IllegalArgumentException.class, () -> iht.solve(p), "3 weights for 120 columns");
        assertThrows(IllegalArgumentException.class, () -> registry.create(new SolverVariant("s", "soft-iht",
                new java.util.TreeMap<>(Map.of("weights", JsonNodeFactory.instance.textNode("1,x"))), null)));
        assertEquals(120, new SoftIht().solve(p).estimate().length);
        assertTrue(registry.options("soft-omp").stream().anyMatch(o -> o.name().equals("leastSquares")));
    }

    @Test
    void badInputsAreRejectedBeforeAnyWork() {
        for (double tau : new double[] {0, -1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> SoftOmp.Options.defaults().withTau(tau));
            assertThrows(IllegalArgumentException.class, () -> SoftIht.Options.defaults().withTau(tau));
        }
        String nan = "1,1,1,1,1,1,1,NaN,1";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftOmp.Options(1e-3, 0, nan, ColumnLeastSquares.Method.PIVOTED_QR, 0));
        assertTrue(e.getMessage().contains("weights[7]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SoftIht.Options(1e-3, 30, 0.6, nan));
        ComplexProblem p = complexOf(realInstance(30, 120, 3, 0, 70));
        e = assertThrows(IllegalArgumentException.class,
                () -> new SoftOmp().solve(p, new double[119], null));
        assertTrue(e.getMessage().contains("weights") && e.getMessage().contains("119"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SoftIht().solve(p, new double[121], null));
        double[] nanWeights = new double[120];
        nanWeights[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new SoftIht().solve(p, nanWeights, null));
        assertThrows(IllegalArgumentException.class, () -> new ComplexOmp(0, ColumnLeastSquares.Method.PIVOTED_QR)
                .solve(p, nanWeights, null));
        Problem real = realInstance(30, 120, 3, 0, 71);
        SoftOmp wrongLength = new SoftOmp(SoftOmp.Options.defaults().withWeights(new double[] {1.0, 2.0}));
        assertThrows(IllegalArgumentException.class, () -> wrongLength.solve(real));
        assertThrows(IllegalArgumentException.class, () -> new SoftIht.Options(1e-3, 0, 0.6, ""));
        assertThrows(IllegalArgumentException.class, () -> new SoftIht.Options(1e-3, 3, -0.6, ""));
        assertThrows(IllegalArgumentException.class, () -> new SoftOmp.Options(1e-3, -1, "",
                ColumnLeastSquares.Method.PIVOTED_QR, 0));
        assertThrows(IllegalArgumentException.class, () -> new SoftOmp.Options(1e-3, 0, "",
                ColumnLeastSquares.Method.PIVOTED_QR, 1));
        assertThrows(IllegalArgumentException.class, () -> new SoftOmp().solve(null, null, null));
    }

    @Test
    void weightsSteerTheSelectionAndTheirSignDoesNotMatter() {
        ComplexProblem p = dftInstance(20, 80);
        double[] oracle = new double[256];
        double[] negated = new double[256];
        int[] hidden = ComplexProblems.hiddenSet(256, 20, Seeds.rng(81));
        for (int j : hidden) {
            oracle[j] = 1;
            negated[j] = -1;
        }
        UnfoldingResult r = new SoftOmp().solve(p, oracle, null);
        UnfoldingResult s = new SoftOmp().solve(p, negated, null);
        assertArrayEquals(r.estimate(), s.estimate(), 0.0);
        for (int j : r.selected()) {
            assertTrue(java.util.Arrays.binarySearch(hidden, j) >= 0, "zero weight: never selected");
        }
    }
}
