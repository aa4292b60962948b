package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;

/**
 * An in-place iterative radix-2 FFT of a fixed power-of-two length n, on interleaved complex
 * data (Cooley–Tukey, decimation in time: bit-reversal permutation, then log₂n butterfly
 * passes). Twiddles are tabulated once with {@link Math#cos}/{@link Math#sin} of 2πk/n, not
 * by recurrence, so their error stays at one rounding and the transform's error grows like
 * ε·log₂n. Immutable and thread-safe.
 */
public final class Fft {
    private final int n;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    public Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("n must be a power of two ≥ 1: " + n);
        }
        this.n = n;
        bitReversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[n / 2 + 1];
        sin = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double angle = 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    public int length() {
        return n;
    }

    /**
     * In place: {@code z_k ← Σ_j z_j exp(sign·2πi·k·j/n)}, k = 0..n−1 (sign −1: the forward
     * DFT; +1: n times the inverse). No scaling.
     */
    public void transform(double[] z, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be −1 or +1: " + sign);
        }
        Checks.requireMinLength("z", z, 2 * n);
        for (int i = 0; i < n; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = z[2 * i];
                z[2 * i] = z[2 * j];
                z[2 * j] = t;
                t = z[2 * i + 1];
                z[2 * i + 1] = z[2 * j + 1];
                z[2 * j + 1] = t;
            }
        }
        for (int half = 1; half < n; half <<= 1) {
            int stride = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride];
                    double wi = sign * sin[k * stride];
                    int a = 2 * (start + k);
                    int b = 2 * (start + k + half);
                    double br = z[b] * wr - z[b + 1] * wi;
                    double bi = z[b] * wi + z[b + 1] * wr;
                    z[b] = z[a] - br;
                    z[b + 1] = z[a + 1] - bi;
                    z[a] += br;
                    z[a + 1] += bi;
                }
            }
        }
    }
}
