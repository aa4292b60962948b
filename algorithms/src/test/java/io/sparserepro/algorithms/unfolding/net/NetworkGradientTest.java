package io.sparserepro.algorithms.unfolding.net;

import static io.sparserepro.algorithms.unfolding.net.NetworkInstances.centralDifferences;
import static io.sparserepro.algorithms.unfolding.net.NetworkInstances.maxAbs;
import static io.sparserepro.algorithms.unfolding.net.NetworkInstances.maxAbsDifference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.complex.ComplexDenseMatrix;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.random.Seeds;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written reverse mode of both networks against central finite differences of the
 * loss, the independent check: every weight, random real and complex instances, several seeds,
 * weights with negative entries.
 *
 * <p>Tolerance. With step h the central difference errs by the truncation term h²·L'''/6 plus
 * the round-off ε·|L|/h. At τ ∈ [0.05, 0.5] the loss is smooth on the scale of τ·(score
 * scale), so L''' ≲ |L|/τ³·O(1) ≈ 10⁴|L| at worst: with h = 1e-6 the truncation is ≲ 1e-8·|L|
 * and the round-off ≈ 1e-10·|L|; relative to the gradient's largest entry a tolerance of 1e-5
 * leaves two orders of margin while any real error (a wrong sign, a missing path, a conjugate
 * slip) shows up at O(1).
 */
class NetworkGradientTest {
    private static final double SMOOTH_H = 1e-6;
    private static final double SMOOTH_TOLERANCE = 1e-5;

    static Stream<Arguments> smoothCases() {
        return Stream.of(
                // network, complex?, N, m, layers, τ, seed
                Arguments.of("omp", false, 16, 8, 3, 0.1, 1L),
                Arguments.of("omp", true, 16, 8, 3, 0.1, 2L),
                Arguments.of("omp", false, 24, 10, 4, 0.05, 3L),
                Arguments.of("omp", true, 32, 12, 5, 0.2, 4L),
                Arguments.of("omp", true, 24, 10, 4, 0.5, 5L),
                Arguments.of("iht", false, 16, 8, 3, 0.1, 6L),
                Arguments.of("iht", true, 16, 8, 3, 0.1, 7L),
                Arguments.of("iht", false, 24, 10, 4, 0.05, 8L),
                Arguments.of("iht", true, 32, 12, 5, 0.2, 9L),
                Arguments.of("iht", true, 24, 10, 4, 0.5, 10L));
    }

    static UnrolledNetwork network(String kind, ComplexDenseMatrix a, int layers, double tau, int sparsity) {
        return kind.equals("omp") ? new OmpNet(a, new OmpNet.Options(layers, tau))
                : new IhtNet(a, new IhtNet.Options(layers, 0.5, tau, sparsity));
    }

    @ParameterizedTest(name = "{0} complex={1} N={2} m={3} layers={4} tau={5} seed={6}")
    @MethodSource("smoothCases")
    void gradientMatchesCentralDifferences(String kind, boolean complex, int n, int m, int layers, double tau,
                                           long seed) {
        ComplexDenseMatrix a = NetworkInstances.gaussian(m, n, complex, Seeds.rng(seed));
        int s = 3;
        ComplexProblem p = NetworkInstances.problem(a, s, 1e-2, complex, seed + 100);
        UnrolledNetwork net = network(kind, a, layers, tau, s);
        double[] target = NetworkInstances.target(p);
        double[] weights = NetworkInstances.signedWeights(n, seed + 200);
        double[] gradient = new double[n];
        double loss = net.lossAndGradient(p.observations(), target, weights, net.newWorkspace(), gradient);
        assertEquals(net.loss(p.observations(), target, weights, net.newWorkspace()), loss, 0.0);
        double[] fd = centralDifferences(net, p.observations(), target, weights, SMOOTH_H);
        double scale = Math.max(maxAbs(fd), maxAbs(gradient));
        // A meaningful check: the gradient is far from zero here (rows are soft at these τ).
        assertTrue(scale > 1e-3, "gradient scale " + scale);
        double error = maxAbsDifference(gradient, fd) / scale;
        System.out.printf("%s complex=%s tau=%g: |g|=%.3e relerr=%.2e%n", kind, complex, tau, scale, error);
        assertTrue(error < SMOOTH_TOLERANCE, "relative error " + error + " (scale " + scale + ")");
    }
}
