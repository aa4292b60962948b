package io.sparserepro.experiments;

import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.ProblemGenerator;
import io.sparserepro.core.problem.ProblemGenerators;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Problem generators by name, built from a grid point's parameters (see
 * {@link ProblemGenerators} for the draws):
 *
 * <ul>
 *   <li>{@code gaussian}: {@code n}; the rows as {@code m} or as {@code zeta} (m = round(ζ·n));
 *       the sparsity as {@code k} or as {@code rho} (k = max(1, round(ρ·m))); optional
 *       {@code amplitudes} (default {@code uniform-1-2}) and {@code noise} (‖e‖₂, default 0).</li>
 *   <li>{@code deconvolution}: {@code n}, {@code k}, {@code kernelWidth} (standard deviation of
 *       the Gaussian kernel, in samples), optional {@code amplitudes} and {@code noise}.</li>
 * </ul>
 * Any other parameter name is an error, so a typo in a declaration never silently falls back
 * to a default.
 */
public final class Generators {
    /** The generator names. */
    public static final List<String> NAMES = List.of("gaussian", "deconvolution");

    private static final Set<String> GAUSSIAN_PARAMS = Set.of("m", "n", "zeta", "k", "rho", "amplitudes", "noise");
    private static final Set<String> DECONVOLUTION_PARAMS = Set.of("n", "k", "kernelWidth", "amplitudes", "noise");

    private Generators() {
    }

    /** The generator {@code name} at the parameters {@code params}, validated now. */
    public static ProblemGenerator create(String name, Map<String, Object> params) {
        switch (requireKnown(name)) {
            case "gaussian": {
                requireOnly(name, params, GAUSSIAN_PARAMS);
                int n = ParameterValues.intValue(params, "n");
                int m = exactlyOne(params, "m", "zeta", n);
                int k = sparsity(params, m);
                return ProblemGenerators.gaussianGenerator(m, n, k, amplitudes(params), noise(params));
            }
            case "deconvolution": {
                requireOnly(name, params, DECONVOLUTION_PARAMS);
                return ProblemGenerators.deconvolutionGenerator(ParameterValues.intValue(params, "n"),
                        ParameterValues.intValue(params, "k"),
                        ParameterValues.doubleValue(params, "kernelWidth"), amplitudes(params), noise(params));
            }
            default:
                throw new AssertionError(name);
        }
    }

    /** {@code name} if it is a known generator, else an error listing the known ones. */
    public static String requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown generator '" + name + "'; known generators: "
                    + String.join(", ", NAMES));
        }
        return name;
    }

    private static int exactlyOne(Map<String, Object> params, String count, String ratio, int n) {
        boolean hasCount = params.containsKey(count);
        if (hasCount == params.containsKey(ratio)) {
            throw new IllegalArgumentException("gaussian needs exactly one of " + count + " and " + ratio
                    + "; given: " + params.keySet());
        }
        return hasCount ? ParameterValues.intValue(params, count)
                : (int) Math.round(ParameterValues.doubleValue(params, ratio) * n);
    }

    private static int sparsity(Map<String, Object> params, int m) {
        boolean hasK = params.containsKey("k");
        if (hasK == params.containsKey("rho")) {
            throw new IllegalArgumentException("gaussian needs exactly one of k and rho; given: " + params.keySet());
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

    private static void requireOnly(String generator, Map<String, Object> params, Set<String> allowed) {
        for (String p : params.keySet()) {
            if (!allowed.contains(p)) {
                throw new IllegalArgumentException("generator " + generator + " has no parameter '" + p
                        + "'; its parameters are " + new TreeSet<>(allowed));
            }
        }
    }
}
