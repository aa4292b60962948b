package io.sparserepro.core.complex;

/**
 * Complex Householder reflectors H = I − β v vᴴ on interleaved column-major storage with
 * leading dimension m (rows). With v = x − α e₁, α = −e^{i·arg x₀}‖x‖ and β = 2/‖v‖², H is
 * Hermitian and unitary and H x = α e₁; the sign choice avoids cancellation in v₀
 * (Golub &amp; Van Loan, Matrix Computations, 4th ed., §5.1.13 for the complex case).
 */
final class Householder {
    private Householder() {
    }

    /**
     * Turns rows k.. of column {@code col} of {@code a} into a reflector: on return
     * {@code v[2k..2m)} holds v (entries below k untouched), and the method returns β
     * (0 for a zero column: H = I). {@code alpha[0..1]} receives α.
     */
    static double make(double[] a, int m, int col, int k, double[] v, double[] alpha) {
        return makeAt(a, 2 * col * m, m, k, v, 0, alpha);
    }

    /** w[2k..2m) ← (I − β v vᴴ) w[2k..2m) for the vector starting at {@code w[offset]}. */
    static void apply(double[] v, double beta, int k, int m, double[] w, int offset) {
        apply(v, beta, k, m, w, offset, 0);
    }

    /** The same with v starting at {@code v[vOffset]}. */
    static void apply(double[] v, double beta, int k, int m, double[] w, int offset, int vOffset) {
        if (beta == 0) {
            return;
        }
        double sr = 0;
        double si = 0;
        for (int i = k; i < m; i++) {
            double vr = v[vOffset + 2 * i];
            double vi = v[vOffset + 2 * i + 1];
            double wr = w[offset + 2 * i];
            double wi = w[offset + 2 * i + 1];
            sr += vr * wr + vi * wi; // conj(v)·w
            si += vr * wi - vi * wr;
        }
        sr *= beta;
        si *= beta;
        for (int i = k; i < m; i++) {
            double vr = v[vOffset + 2 * i];
            double vi = v[vOffset + 2 * i + 1];
            w[offset + 2 * i] -= vr * sr - vi * si;
            w[offset + 2 * i + 1] -= vr * si + vi * sr;
        }
    }

    /**
     * Like {@link #make} for a single vector {@code x} (interleaved, rows k..m), writing v to
     * {@code v[vOffset + 2k .. vOffset + 2m)}.
     */
    static double makeInto(double[] x, int m, int k, double[] v, int vOffset, double[] alpha) {
        return makeAt(x, 0, m, k, v, vOffset, alpha);
    }

    private static double makeAt(double[] a, int base, int m, int k, double[] v, int vOffset, double[] alpha) {
        double scale = 0;
        for (int i = k; i < m; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[base + 2 * i]), Math.abs(a[base + 2 * i + 1])));
        }
        if (scale == 0) {
            alpha[0] = 0;
            alpha[1] = 0;
            for (int i = k; i < m; i++) {
                v[vOffset + 2 * i] = 0;
                v[vOffset + 2 * i + 1] = 0;
            }
            return 0;
        }
        double sum = 0;
        for (int i = k; i < m; i++) {
            double re = a[base + 2 * i] / scale;
            double im = a[base + 2 * i + 1] / scale;
            sum += re * re + im * im;
        }
        double norm = scale * Math.sqrt(sum);
        double x0r = a[base + 2 * k];
        double x0i = a[base + 2 * k + 1];
        double abs0 = Math.hypot(x0r, x0i);
        double pr = abs0 == 0 ? 1 : x0r / abs0;
        double pi = abs0 == 0 ? 0 : x0i / abs0;
        alpha[0] = -pr * norm;
        alpha[1] = -pi * norm;
        for (int i = k; i < m; i++) {
            v[vOffset + 2 * i] = a[base + 2 * i];
            v[vOffset + 2 * i + 1] = a[base + 2 * i + 1];
        }
        v[vOffset + 2 * k] -= alpha[0];
        v[vOffset + 2 * k + 1] -= alpha[1];
        return 1 / (norm * (norm + abs0));
    }

    /**
     * {@link #apply(double[], double, int, int, double[], int, int)} when v and w are real (zero
     * imaginary parts): the same numbers — every dropped term is an exact zero — for a quarter
     * of the multiplications. Real data run through the complex solvers takes this path.
     */
    static void applyReal(double[] v, double beta, int k, int m, double[] w, int offset, int vOffset) {
        if (beta == 0) {
            return;
        }
        double s = 0;
        for (int i = k; i < m; i++) {
            s += v[vOffset + 2 * i] * w[offset + 2 * i];
        }
        s *= beta;
        for (int i = k; i < m; i++) {
            w[offset + 2 * i] -= v[vOffset + 2 * i] * s;
        }
    }
}
