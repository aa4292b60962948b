package io.sparserepro.core.operators;

import io.sparserepro.core.complex.Fft;
import org.jtransforms.dct.DoubleDCT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The orthonormal DCT-II of a power-of-two length n and its inverse (the DCT-III, its
 * transpose), in O(n log n) through one complex FFT of length n (J. Makhoul, <i>A fast cosine
 * transform in one and two dimensions</i>, IEEE Trans. ASSP 28(1):27–34, 1980):
 * <pre>
 *     X_k = c_k Σ_j x_j cos(π(2j + 1)k / 2n),   c_0 = √(1/n), c_k = √(2/n)
 *     v_j = x_{2j},  v_{n−1−j} = x_{2j+1}  (j &lt; n/2),   X_k = c_k Re(e^{−iπk/2n} DFT(v)_k)
 * </pre>
 * and the inverse from V_k = e^{iπk/2n}(X_k/c_k − i X_{n−k}/c_{n−k}) (X_n = 0), v = IDFT(V).
 * The FFT is {@link Fft}'s tabulated radix-2 (error ~ε·log₂n); the quarter-wave twiddles
 * e^{iπk/2n} are tabulated the same way.
 *
 * <p><b>Library above {@value #LIBRARY_MIN_LENGTH}.</b> From that length on, the transforms are
 * JTransforms' {@code DoubleDCT_1D} (P. Wendykier; a real split-radix DCT, orthonormal with
 * {@code scale = true}), which measured 1.5× faster at n = 2¹², 5.6× at 2¹⁶ and 7.7× at 2²⁰ than
 * the route above, single-threaded, while the route above is 2× faster at n = 512
 * (docs/BENCHMARKS.md, "The DCT: hand-written vs JTransforms"); the two agree to 4e-14 at 2²⁰.
 * JTransforms is run single-threaded ({@code ConcurrencyUtils.setNumberOfThreads(1)}, set once
 * when this class loads): the suite parallelises over trials, and nested pools would
 * oversubscribe the cores. Its instances keep work tables, so each thread gets its own.
 *
 * <p>Immutable and thread-safe; the caller supplies the complex scratch ({@link #scratch()}).
 */
public final class DctII {
    /** From this length on the transforms run in JTransforms (measured crossover, see the class comment). */
    public static final int LIBRARY_MIN_LENGTH = 4096;

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int n;
    private final ThreadLocal<DoubleDCT_1D> library;
    private final Fft fft;
    private final double[] cos; // cos(πk/2n)
    private final double[] sin; // sin(πk/2n)
    private final double c0;
    private final double ck;

    public DctII(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two ≥ 2: " + n);
        }
        this.n = n;
        if (n >= LIBRARY_MIN_LENGTH) {
            // The library does not need the tables below: keep memory at O(n) per thread.
            library = ThreadLocal.withInitial(() -> new DoubleDCT_1D(n));
            fft = null;
            cos = null;
            sin = null;
            c0 = Math.sqrt(1.0 / n);
            ck = Math.sqrt(2.0 / n);
            return;
        }
        library = null;
        this.fft = new Fft(n);
        cos = new double[n];
        sin = new double[n];
        for (int k = 0; k < n; k++) {
            double angle = Math.PI * k / (2.0 * n);
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        c0 = Math.sqrt(1.0 / n);
        ck = Math.sqrt(2.0 / n);
    }

    public int length() {
        return n;
    }

    /** A complex work array of the length {@link #forward} and {@link #inverse} need (2n doubles). */
    public double[] scratch() {
        return new double[library != null ? 0 : 2 * n];
    }

    /** Whether the transforms run in JTransforms (n ≥ {@value #LIBRARY_MIN_LENGTH}). */
    public boolean usesLibrary() {
        return library != null;
    }

    /** {@code out[0..n) = C x}, the orthonormal DCT-II. {@code out} may be {@code x}. */
    public void forward(double[] x, double[] out, double[] scratch) {
        if (library != null) {
            if (out != x) {
                System.arraycopy(x, 0, out, 0, n);
            }
            library.get().forward(out, true);
            return;
        }
        int half = n / 2;
        for (int j = 0; j < half; j++) {
            scratch[2 * j] = x[2 * j];
            scratch[2 * j + 1] = 0.0;
            scratch[2 * (n - 1 - j)] = x[2 * j + 1];
            scratch[2 * (n - 1 - j) + 1] = 0.0;
        }
        fft.transform(scratch, -1);
        for (int k = 0; k < n; k++) {
            // Re((cos − i sin)(re + i im)) = cos·re + sin·im
            double value = cos[k] * scratch[2 * k] + sin[k] * scratch[2 * k + 1];
            out[k] = (k == 0 ? c0 : ck) * value;
        }
    }

    /** {@code out[0..n) = Cᵀ X = C⁻¹ X}, the orthonormal DCT-III. {@code out} may be {@code X}. */
    public void inverse(double[] coefficients, double[] out, double[] scratch) {
        if (library != null) {
            if (out != coefficients) {
                System.arraycopy(coefficients, 0, out, 0, n);
            }
            library.get().inverse(out, true);
            return;
        }
        double first = coefficients[0] / c0;
        scratch[0] = first;
        scratch[1] = 0.0;
        for (int k = 1; k < n; k++) {
            double re = coefficients[k] / ck;
            double im = -coefficients[n - k] / ck;
            // (cos + i sin)(re + i im)
            scratch[2 * k] = cos[k] * re - sin[k] * im;
            scratch[2 * k + 1] = sin[k] * re + cos[k] * im;
        }
        fft.transform(scratch, 1);
        double scale = 1.0 / n;
        int half = n / 2;
        for (int j = 0; j < half; j++) {
            out[2 * j] = scale * scratch[2 * j];
            out[2 * j + 1] = scale * scratch[2 * (n - 1 - j)];
        }
    }
}
