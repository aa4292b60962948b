package io.sparserepro.core.operators;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * The spike-deconvolution operator of {@link io.sparserepro.core.problem.ConvolutionMatrices#gaussianKernel}
 * applied without its n×n matrix: entry (i, j) = g(i − j)/‖g(· − j)‖₂ on [0, n)², with
 * g(t) = exp(−t²/(2·width²)), "same" output, zero padding, unit-norm columns.
 *
 * <p><b>Direct sum, truncated.</b> The kernel is cut where g(d) &lt; 2⁻⁶⁰ (|d| ≤ h ≈ 9.1·width):
 * each dropped tap weighs below 2⁻⁶⁰ of the centre tap, far under the round-off ε = 2⁻⁵² of
 * the kept sum, so products agree with the dense matrix to round-off. A product then costs
 * (2h + 1)·n multiply–adds, 57n at width 3. An FFT convolution (zero-padded to 2n, three
 * complex transforms of length 2n) costs about 3·5·2n·log₂(2n)/2 ≈ 15n·log₂(2n) flops, over
 * 300n at n = 2¹⁶: the direct sum is the faster at every size for the kernels the experiments
 * use (width ≤ 10, h ≤ 91), so it is the only one implemented.
 *
 * <p>Immutable and thread-safe.
 */
public final class GaussianConvolution implements StructuredOperator {
    /** Taps below this fraction of the centre tap are dropped (see the class comment). */
    static final double TAIL = 0x1p-60;

    private final int n;
    private final double width;
    private final double[] taps;      // g(0..h)
    private final double[] inverseNorms;
    private final ThreadLocal<double[]> work;

    /**
     * @param n     the signal length and number of observations, ≥ 1
     * @param width the kernel's standard deviation in samples, positive and finite
     */
    public GaussianConvolution(int n, double width) {
        Checks.requirePositive("n", n);
        Checks.requireFinite("width", width);
        Checks.requirePositive("width", width);
        this.n = n;
        this.width = width;
        double twoVariance = 2.0 * width * width;
        int h = 0;
        while (h + 1 < n && Math.exp(-((double) (h + 1) * (h + 1)) / twoVariance) >= TAIL) {
            h++;
        }
        taps = new double[h + 1];
        taps[0] = 1.0; // as in ConvolutionMatrices: 0/0 would be NaN when 2·width² underflows
        for (int d = 1; d <= h; d++) {
            taps[d] = Math.exp(-((double) d * d) / twoVariance);
        }
        inverseNorms = new double[n];
        for (int j = 0; j < n; j++) {
            // Left to right over the rows, as the dense generator sums (SequentialNorms).
            double sum = 0;
            for (int i = Math.max(0, j - h); i <= Math.min(n - 1, j + h); i++) {
                double v = taps[Math.abs(i - j)];
                sum += v * v;
            }
            inverseNorms[j] = 1.0 / Math.sqrt(sum);
        }
        work = ThreadLocal.withInitial(() -> new double[n]);
    }

    /** h: the kernel is applied on |i − j| ≤ h. */
    public int halfWidth() {
        return taps.length - 1;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] out) {
        double[] t = work.get();
        for (int j = 0; j < n; j++) {
            t[j] = x[j] * inverseNorms[j];
        }
        convolve(t, out);
    }

    @Override
    public void applyAdjoint(double[] r, double[] out) {
        convolve(r, out);
        for (int j = 0; j < n; j++) {
            out[j] *= inverseNorms[j];
        }
    }

    /** out = K v for the symmetric truncated Toeplitz K; out must not alias v. */
    private void convolve(double[] v, double[] out) {
        int h = taps.length - 1;
        for (int i = 0; i < n; i++) {
            int low = Math.max(0, i - h);
            int high = Math.min(n - 1, i + h);
            double sum = 0;
            for (int j = low; j <= high; j++) {
                sum += taps[Math.abs(i - j)] * v[j];
            }
            out[i] = sum;
        }
    }

    @Override
    public void column(int j, double[] out) {
        Checks.requireInRange("j", j, 0, n - 1);
        Arrays.fill(out, 0, n, 0.0);
        int h = taps.length - 1;
        for (int i = Math.max(0, j - h); i <= Math.min(n - 1, j + h); i++) {
            out[i] = taps[Math.abs(i - j)] * inverseNorms[j];
        }
    }

    /** O(k·h) instead of the default's O(k·n). */
    @Override
    public void applyOnSupport(int[] support, double[] coefficients, int size, double[] out) {
        Arrays.fill(out, 0, n, 0.0);
        int h = taps.length - 1;
        for (int c = 0; c < size; c++) {
            int j = support[c];
            double v = coefficients[c] * inverseNorms[j];
            for (int i = Math.max(0, j - h); i <= Math.min(n - 1, j + h); i++) {
                out[i] += taps[Math.abs(i - j)] * v;
            }
        }
    }

    /**
     * The upper bound √(‖A‖₁‖A‖_∞) (Hölder), O(n·h): the largest absolute column sum times the
     * largest absolute row sum. For the interior of a long signal both are Σ_d g(d)/‖g‖₂, the
     * norm of the circulant convolution, so the bound is close to ‖A‖₂ when n ≫ h; it is an
     * upper bound, never below, which is what step rules need.
     */
    @Override
    public double spectralNorm() {
        double maxColumn = 0;
        double maxRow = 0;
        int h = taps.length - 1;
        for (int i = 0; i < n; i++) {
            double columnSum = 0;
            double rowSum = 0;
            for (int j = Math.max(0, i - h); j <= Math.min(n - 1, i + h); j++) {
                columnSum += taps[Math.abs(i - j)] * inverseNorms[i];
                rowSum += taps[Math.abs(i - j)] * inverseNorms[j];
            }
            maxColumn = Math.max(maxColumn, columnSum);
            maxRow = Math.max(maxRow, rowSum);
        }
        return Math.sqrt(maxColumn * maxRow) * (1 + 1e-12);
    }

    /** Unit norms, up to the one rounding of the normalisation. */
    @Override
    public double[] columnNorms() {
        double[] norms = new double[n];
        Arrays.fill(norms, 1.0);
        return norms;
    }

    @Override
    public String describe() {
        return "gaussian-convolution n=" + n + " width=" + width + " halfWidth=" + halfWidth();
    }

    @Override
    public String toString() {
        return describe();
    }
}
