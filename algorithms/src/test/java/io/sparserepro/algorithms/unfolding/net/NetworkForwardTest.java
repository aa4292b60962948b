package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.unfolding.ComplexOmp;
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.core.complex.ColumnLeastSquares;
import io.sparserepro.core.complex.ComplexLinearOperator;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexProblems;
import io.sparserepro.core.complex.PartialDft;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The networks' forward pass against the solvers they unroll (Soft-OMP, Soft-IHT with the same
 * weights), against the hard algorithms when the rows are one-hot, and bad inputs.
 *
 * <p>Tolerance of "the same numbers": the networks multiply by their own dense copy of A while
 * the solvers call the operator (an FFT for {@code PartialDft.fast}), so every product differs
 * in its last bits (≈ 1e-16 relative). A softsort entry exp(−d/τ) turns a score perturbation
 * δ into a relative change δ/τ, i.e. ≈ 1e-13 at τ = 1e-3 per layer; over ≤ 30 layers, with
 * rows that are mostly exactly one-hot, the estimates agree to ≈ 1e-12 (measured: at most 1e-14,
 * often 0). 1e-10 relative to ‖x̂‖∞ is far below any algorithmic difference (a different row or
 * a missing term moves x̂ by ≥ 1e-3 here) and well above round-off.
 */
class NetworkForwardTest {
    private static final double SAME_NUMBERS = 1e-10;
    /** Rows exactly one-hot: every score gap here is ≫ 51·τ (SoftSort's truncation). */
    private static final double ONE_HOT_TAU = 1e-200;

    /** The Fig. 3 data: partial DFT N = 256, hidden set of 20, 10-sparse real x, σ = 1e-3. */
    static ComplexProblem fig3(ComplexLinearOperator a, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        int[] hidden = ComplexProblems.hiddenSet(a.cols(), 20, rng);
        return ComplexProblems.structured(a, hidden, 10, 1e-3, rng);
    }

    static Stream<Arguments> instances() {
        return Stream.of(
                // label, operator kind, tau, signed weights?
                Arguments.of("real gaussian", "real", 0.1, true),
                Arguments.of("real gaussian", "real", 1e-3, true),
                Arguments.of("complex gaussian", "complex", 0.1, false),
                Arguments.of("complex gaussian", "complex", 1e-3, true),
                Arguments.of("partial dft fast", "dft", 1e-3, true),
                Arguments.of("partial dft fast", "dft", 1e-3, false));
    }

    private static ComplexProblem instance(String kind, int m, long seed) {
        if (kind.equals("dft")) {
            int[] rows = PartialDft.sampleRows(256, m, Seeds.rng(seed));
            return fig3(PartialDft.fast(256, rows), seed + 1);
        }
        ComplexLinearOperator a = NetworkInstances.gaussian(m, 64, kind.equals("complex"), Seeds.rng(seed));
        return NetworkInstances.problem(a, 10, 1e-3, kind.equals("complex"), seed + 1);
    }

    @ParameterizedTest(name = "{0} tau={2} signed={3}")
    @MethodSource("instances")
    void ompNetForwardIsSoftOmp(String label, String kind, double tau, boolean signed) {
        ComplexProblem p = instance(kind, 20, 31);
        int n = p.cols();
        double[] weights = signed ? NetworkInstances.signedWeights(n, 32) : ones(n);
        OmpNet net = new OmpNet(p.operator(), new OmpNet.Options(10, tau));
        double[] estimate = new double[2 * n];
        net.forward(p.observations(), weights, net.newWorkspace(), estimate);
        SoftOmp solver = new SoftOmp(SoftOmp.Options.defaults().withTau(tau).withIterations(10));
        double[] expected = solver.solve(p, weights, null).estimate();
        assertSameNumbers(expected, estimate);
    }

    @ParameterizedTest(name = "{0} tau={2} signed={3}")
    @MethodSource("instances")
    void ihtNetForwardIsSoftIht(String label, String kind, double tau, boolean signed) {
        ComplexProblem p = instance(kind, 36, 33);
        int n = p.cols();
        double[] weights = signed ? NetworkInstances.signedWeights(n, 34) : ones(n);
        IhtNet net = new IhtNet(p.operator(), new IhtNet.Options(30, 0.5, tau, p.sparsity()));
        double[] estimate = new double[2 * n];
        net.forward(p.observations(), weights, net.newWorkspace(), estimate);
        SoftIht solver = new SoftIht(new SoftIht.Options(tau, 30, 0.5, ""));
        double[] expected = solver.solve(p, weights, null).estimate();
        assertSameNumbers(expected, estimate);
    }

    @Test
    void oneHotOmpNetWithUnitWeightsIsOmp() {
        for (long seed = 40; seed < 43; seed++) {
            ComplexProblem p = instance(seed == 40 ? "dft" : seed == 41 ? "complex" : "real", 20, seed);
            int n = p.cols();
            OmpNet net = new OmpNet(p.operator(), new OmpNet.Options(10, ONE_HOT_TAU));
            double[] estimate = new double[2 * n];
            net.forward(p.observations(), ones(n), net.newWorkspace(), estimate);
            double[] omp = new ComplexOmp(10, ColumnLeastSquares.Method.INCREMENTAL_QR).solve(p, null, null)
                    .estimate();
            assertSameNumbers(omp, estimate);
            // One-hot rows pass no gradient to W: softmax'(one-hot) = 0 (the reason for τ > 0 in training).
            double[] gradient = new double[n];
            net.lossAndGradient(p.observations(), NetworkInstances.target(p), ones(n), net.newWorkspace(), gradient);
            assertArrayEquals(new double[n], gradient, 0.0);
        }
    }

    @Test
    void oneHotIhtNetIsIht() {
        for (long seed = 50; seed < 53; seed++) {
            ComplexProblem p = instance(seed == 50 ? "dft" : seed == 51 ? "complex" : "real", 36, seed);
            int n = p.cols();
            double[] weights = seed == 50 ? ones(n) : NetworkInstances.signedWeights(n, seed);
            IhtNet net = new IhtNet(p.operator(), new IhtNet.Options(30, 0.5, ONE_HOT_TAU, p.sparsity()));
            double[] estimate = new double[2 * n];
            net.forward(p.observations(), weights, net.newWorkspace(), estimate);
            double[] iht = SoftIht.hard(p, weights, 30, 0.5, null).estimate();
            assertSameNumbers(iht, estimate);
        }
    }

    @Test
    void workspacesAreReusableAndIndependent() {
        ComplexProblem p = instance("dft", 20, 60);
        int n = p.cols();
        double[] weights = NetworkInstances.signedWeights(n, 61);
        double[] target = NetworkInstances.target(p);
        for (UnrolledNetwork net : new UnrolledNetwork[] {
                new OmpNet(p.operator(), OmpNet.Options.paper().withTau(0.02)),
                new IhtNet(p.operator(), IhtNet.Options.paper().withTau(0.02))}) {
            UnrolledNetwork.Workspace ws = net.newWorkspace();
            double[] g1 = new double[n];
            double[] g2 = new double[n];
            double[] g3 = new double[n];
            double l1 = net.lossAndGradient(p.observations(), target, weights, ws, g1);
            // A different sample in between must leave nothing behind.
            net.lossAndGradient(instance("dft", 20, 62).observations(), target, ones(n), ws, g2);
            double l2 = net.lossAndGradient(p.observations(), target, weights, ws, g2);
            double l3 = net.lossAndGradient(p.observations(), target, weights, net.newWorkspace(), g3);
            assertEquals(l1, l2, 0.0);
            assertEquals(l1, l3, 0.0);
            assertArrayEquals(g1, g2, 0.0);
            assertArrayEquals(g1, g3, 0.0);
            assertTrue(NetworkInstances.maxAbs(g1) > 0, net.name() + ": a gradient at τ = 0.02");
        }
    }

    /**
     * One network shared by threads, one workspace each (the trainer's pattern): every sample's
     * loss and gradient equal the sequential ones bit for bit. The operator is the FFT partial
     * DFT, which is not thread-safe itself: the networks only read their own dense copy.
     */
    @Test
    void oneNetworkServesConcurrentThreads() throws Exception {
        int[] rows = PartialDft.sampleRows(256, 36, Seeds.rng(80));
        ComplexLinearOperator a = PartialDft.fast(256, rows);
        ComplexProblem[] samples = new ComplexProblem[16];
        for (int k = 0; k < samples.length; k++) {
            samples[k] = fig3(a, 81 + k);
        }
        double[] weights = NetworkInstances.signedWeights(256, 82);
        for (UnrolledNetwork net : new UnrolledNetwork[] {
                new OmpNet(a, OmpNet.Options.paper().withTau(0.01)),
                new IhtNet(a, IhtNet.Options.paper().withTau(0.01))}) {
            double[][] sequential = new double[samples.length][256];
            UnrolledNetwork.Workspace ws = net.newWorkspace();
            for (int k = 0; k < samples.length; k++) {
                net.lossAndGradient(samples[k].observations(), NetworkInstances.target(samples[k]), weights, ws,
                        sequential[k]);
            }
            double[][] parallel = new double[samples.length][256];
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    int first = thread;
                    futures.add(pool.submit(() -> {
                        UnrolledNetwork.Workspace own = net.newWorkspace();
                        for (int k = first; k < samples.length; k += 4) {
                            net.lossAndGradient(samples[k].observations(), NetworkInstances.target(samples[k]), weights,
                                    own, parallel[k]);
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            for (int k = 0; k < samples.length; k++) {
                assertArrayEquals(sequential[k], parallel[k], 0.0, net.name() + " sample " + k);
            }
        }
    }

    @Test
    void configurationNamesTheNetworkAndItsOptions() {
        ComplexLinearOperator a = NetworkInstances.gaussian(8, 16, true, Seeds.rng(70));
        Map<String, Object> omp = new OmpNet(a, OmpNet.Options.paper()).configuration();
        assertEquals("omp-net", omp.get("network"));
        assertEquals(10, omp.get("layers"));
        assertEquals(1e-3, omp.get("tau"));
        Map<String, Object> iht = new IhtNet(a, IhtNet.Options.paper()).configuration();
        assertEquals("iht-net", iht.get("network"));
        assertEquals(30, iht.get("layers"));
        assertEquals(0.5, iht.get("step"));
        assertEquals(10, iht.get("sparsity"));
        assertEquals(16, new IhtNet(a, IhtNet.Options.paper()).parameters());
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        expectMessage("layers", () -> new OmpNet.Options(0, 1e-3));
        expectMessage("tau", () -> new OmpNet.Options(10, 0));
        expectMessage("tau", () -> new OmpNet.Options(10, -1e-3));
        expectMessage("tau", () -> new OmpNet.Options(10, Double.NaN));
        expectMessage("tau", () -> new OmpNet.Options(10, Double.POSITIVE_INFINITY));
        expectMessage("layers", () -> new IhtNet.Options(0, 0.5, 1e-3, 10));
        expectMessage("step", () -> new IhtNet.Options(30, 0, 1e-3, 10));
        expectMessage("step", () -> new IhtNet.Options(30, Double.NaN, 1e-3, 10));
        expectMessage("tau", () -> new IhtNet.Options(30, 0.5, 0, 10));
        expectMessage("sparsity", () -> new IhtNet.Options(30, 0.5, 1e-3, 0));
        ComplexLinearOperator a = NetworkInstances.gaussian(8, 16, true, Seeds.rng(71));
        expectMessage("sparsity", () -> new IhtNet(a, new IhtNet.Options(30, 0.5, 1e-3, 17)));
        expectMessage("operator", () -> new OmpNet(null, OmpNet.Options.paper()));
        expectMessage("options", () -> new IhtNet(a, null));
    }

    @Test
    void badSamplesAreRejectedBeforeAnyWork() {
        ComplexLinearOperator a = NetworkInstances.gaussian(8, 16, true, Seeds.rng(72));
        ComplexProblem p = NetworkInstances.problem(a, 3, 1e-3, true, 73);
        double[] y = p.observations();
        double[] x = NetworkInstances.target(p);
        for (UnrolledNetwork net : new UnrolledNetwork[] {
                new OmpNet(a, new OmpNet.Options(4, 0.1)), new IhtNet(a, new IhtNet.Options(5, 0.5, 0.1, 3))}) {
            UnrolledNetwork.Workspace ws = net.newWorkspace();
            double[] w = ones(16);
            double[] g = new double[16];
            expectMessage("weights", () -> net.lossAndGradient(y, x, ones(15), ws, g));
            expectMessage("weights", () -> net.lossAndGradient(y, x, with(w, 3, Double.NaN), ws, g));
            expectMessage("weights", () -> net.loss(y, x, with(w, 5, Double.POSITIVE_INFINITY), ws));
            expectMessage("weights", () -> net.forward(y, with(w, 0, Double.NEGATIVE_INFINITY), ws, new double[32]));
            expectMessage("observations", () -> net.loss(Arrays.copyOf(y, 14), x, w, ws));
            expectMessage("observations", () -> net.loss(with(y, 2, Double.NaN), x, w, ws));
            expectMessage("target", () -> net.loss(y, Arrays.copyOf(x, 15), w, ws));
            expectMessage("target", () -> net.lossAndGradient(y, with(x, 1, Double.NaN), w, ws, g));
            expectMessage("gradient", () -> net.lossAndGradient(y, x, w, ws, new double[15]));
            expectMessage("estimate", () -> net.forward(y, w, ws, new double[16]));
            expectMessage("workspace", () -> net.loss(y, x, w, null));
        }
        OmpNet omp = new OmpNet(a, new OmpNet.Options(4, 0.1));
        IhtNet iht = new IhtNet(a, new IhtNet.Options(5, 0.5, 0.1, 3));
        expectMessage("workspace", () -> omp.loss(y, x, ones(16), iht.newWorkspace()));
        expectMessage("workspace", () -> iht.loss(y, x, ones(16), omp.newWorkspace()));
        OmpNet deeper = new OmpNet(a, new OmpNet.Options(5, 0.1));
        expectMessage("workspace", () -> omp.loss(y, x, ones(16), deeper.newWorkspace()));
    }

    private static void expectMessage(String name, org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
        assertTrue(e.getMessage() != null && e.getMessage().contains(name), "message names " + name + ": "
                + e.getMessage());
    }

    private static double[] with(double[] v, int index, double value) {
        double[] copy = v.clone();
        copy[index] = value;
        return copy;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    private static void assertSameNumbers(double[] expected, double[] actual) {
        double scale = NetworkInstances.maxAbs(expected);
        double error = NetworkInstances.maxAbsDifference(expected, actual);
        System.out.printf("forward: |x| = %.3e, max difference %.2e%n", scale, error);
        assertTrue(scale > 0.01, "a non-trivial estimate: " + scale);
        assertTrue(error <= SAME_NUMBERS * scale, "difference " + error + " at scale " + scale);
    }
}
