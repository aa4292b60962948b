package io.sparserepro.experiments;

import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.ProblemGenerators;
import java.util.Map;
import java.util.Set;

/**
 * The suite's problem generators (see {@link ProblemGenerators} for the draws):
 *
 * <ul>
 *   <li>{@code gaussian}: {@code n}; the rows as {@code m} or as {@code zeta} (m = round(ζ·n));
 *       the sparsity as {@code k} or as {@code rho} (k = max(1, round(ρ·m))); optional
 *       {@code amplitudes} (default {@code uniform-1-2}) and {@code noise} (‖e‖₂, default 0).</li>
 *   <li>{@code deconvolution}: {@code n}, {@code k}, {@code kernelWidth} (standard deviation of
 *       the Gaussian kernel, in samples), optional {@code amplitudes}, {@code noise} (‖e‖₂) or
 *       {@code snrDb} (‖A x*‖₂/‖e‖₂ in dB), and {@code minSeparation} (spikes at least that many
 *       samples apart, drawn uniformly among such supports; 0, the default, is the paper's
 *       uniform positions).</li>
 *   <li>{@code dct}: compressive sensing on an implicit operator, m rows of the orthonormal
 *       n-point DCT-II (n a power of two; the rows drawn per instance and recorded); {@code n},
 *       {@code m} or {@code zeta}, {@code k} or {@code rho}, optional {@code amplitudes} and
 *       {@code noise}. Large n runs the solvers' matrix-free paths (docs/MATRIX-FREE.md).</li>
 * </ul>
 */
final class StandardGenerators {
    private StandardGenerators() {
    }

    static GeneratorRegistry register(GeneratorRegistry registry) {
        return registry
                .with("gaussian", new GeneratorRegistry.Entry(
                        "A with i.i.d. N(0,1) entries, unit-norm columns; m or zeta, k or rho, n, amplitudes, noise",
                        Set.of("m", "n", "zeta", "k", "rho", "amplitudes", "noise"), params -> {
                            int n = ParameterValues.intValue(params, "n");
                            int m = exactlyOne("gaussian", params, "m", "zeta", n);
                            int k = sparsity("gaussian", params, m);
                            return ProblemGenerators.gaussianGenerator(m, n, k, amplitudes(params), noise(params));
                        }))
                .with("dct", new GeneratorRegistry.Entry(
                        "A = m random rows of the orthonormal n-point DCT-II, applied by FFT, never stored (n a power "
                                + "of two); m or zeta, k or rho, n, amplitudes, noise",
                        Set.of("m", "n", "zeta", "k", "rho", "amplitudes", "noise"), params -> {
                            int n = ParameterValues.intValue(params, "n");
                            int m = exactlyOne("dct", params, "m", "zeta", n);
                            int k = sparsity("dct", params, m);
                            return ProblemGenerators.subsampledDctGenerator(m, n, k, amplitudes(params), noise(params));
                        }))
                .with("deconvolution", new GeneratorRegistry.Entry(
                        "A = convolution by a Gaussian kernel (m = n), unit-norm columns; n, k, kernelWidth, amplitudes,"
                                + " noise or snrDb, minSeparation",
                        Set.of("n", "k", "kernelWidth", "amplitudes", "noise", "snrDb", "minSeparation"),
                        params -> {
                            if (params.containsKey("noise") && params.containsKey("snrDb")) {
                                throw new IllegalArgumentException("deconvolution takes noise (‖e‖₂) or snrDb, not both;"
                                        + " given: " + params.keySet());
                            }
                            double snrDb = params.containsKey("snrDb") ? ParameterValues.doubleValue(params, "snrDb")
                                    : Double.NaN;
                            int minSeparation = params.containsKey("minSeparation")
                                    ? ParameterValues.intValue(params, "minSeparation") : 0;
                            return ProblemGenerators.deconvolutionGenerator(ParameterValues.intValue(params, "n"),
                                    ParameterValues.intValue(params, "k"),
                                    ParameterValues.doubleValue(params, "kernelWidth"), amplitudes(params),
                                    noise(params), snrDb, minSeparation);
                        }));
    }

    private static int exactlyOne(String generator, Map<String, Object> params, String count, String ratio, int n) {
        boolean hasCount = params.containsKey(count);
        if (hasCount == params.containsKey(ratio)) {
            throw new IllegalArgumentException(generator + " needs exactly one of " + count + " and " + ratio
                    + "; given: " + params.keySet());
        }
        return hasCount ? ParameterValues.intValue(params, count)
                : (int) Math.round(ParameterValues.doubleValue(params, ratio) * n);
    }

    private static int sparsity(String generator, Map<String, Object> params, int m) {
        boolean hasK = params.containsKey("k");
        if (hasK == params.containsKey("rho")) {
            throw new IllegalArgumentException(generator + " needs exactly one of k and rho; given: "
                    + params.keySet());
        }
        return hasK ? ParameterValues.intValue(params, "k")
                : (int) Math.max(1, Math.round(ParameterValues.doubleValue(params, "rho") * m));
    }

    private static AmplitudeDistribution amplitudes(Map<String, Object> params) {
        return params.containsKey("amplitudes")
                ? AmplitudeDistribution.fromName(ParameterValues.stringValue(params, "amplitudes"))
                : AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO;
    }

    private static double noise(Map<String, Object> params) {
        return params.containsKey("noise") ? ParameterValues.doubleValue(params, "noise") : 0.0;
    }
}
