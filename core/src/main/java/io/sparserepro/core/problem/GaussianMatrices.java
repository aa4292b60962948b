package io.sparserepro.core.problem;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random Gaussian sensing matrices, the setting of the SEA paper's phase-transition
 * experiment (Fig. 2: "A with i.i.d. standard Gaussian entries, columns normalised").
 *
 * <p><b>Draw order (part of the reproducibility contract).</b> Entries are drawn from
 * Commons RNG's {@link ZigguratSampler.NormalizedGaussian} in column-major order: all of
 * column 0 from row 0 to row m−1, then column 1, and so on, i.e. in the order of
 * {@link DenseMatrix#data()}. Changing this order, the sampler, or the normalisation changes
 * every published Gaussian result for a given seed.
 */
public final class GaussianMatrices {
    private GaussianMatrices() {
    }

    /**
     * An m×n matrix with i.i.d. N(0, 1) entries, not normalised. Exposed so that the entry
     * distribution can be tested before normalisation, and for experiments that need the raw
     * ensemble.
     */
    public static DenseMatrix standardNormal(int m, int n, UniformRandomProvider rng) {
        checkShape(m, n);
        Checks.requireNonNull("rng", rng);
        double[] data = new double[m * n];
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < data.length; i++) {
            data[i] = gaussian.sample();
        }
        return DenseMatrix.wrapColumnMajor(m, n, data);
    }

    /**
     * An m×n matrix with i.i.d. N(0, 1) entries whose columns are then scaled to unit ℓ2 norm
     * (so each column is uniform on the unit sphere of R^m). Norms are summed sequentially so
     * the result is bit-identical whichever dense kernel is active.
     */
    public static DenseMatrix standardNormalUnitColumns(int m, int n, UniformRandomProvider rng) {
        DenseMatrix a = standardNormal(m, n, rng);
        // A zero column has probability zero under a continuous distribution.
        SequentialNorms.normalizeColumns(a.data(), m, n, "Gaussian matrix");
        return a;
    }

    static void checkShape(int m, int n) {
        Checks.requirePositive("m", m);
        Checks.requirePositive("n", n);
        if ((long) m * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "m × n must fit in one Java array: " + m + " × " + n);
        }
    }
}
