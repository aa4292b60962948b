package io.sparserepro.core.complex;

import io.sparserepro.core.Checks;

/**
 * Operations on interleaved complex vectors ({@code (v[2i], v[2i+1])} = (re, im)), in the
 * manner of EJML's static operation classes: results into caller-supplied arrays.
 */
public final class ComplexVectors {
    private ComplexVectors() {
    }

    /** An interleaved complex vector with the given real parts and zero imaginary parts. */
    public static double[] fromReal(double[] re) {
        Checks.requireNonNull("re", re);
        double[] z = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) {
            z[2 * i] = re[i];
        }
        return z;
    }

    /** The real parts of an interleaved vector of {@code n} entries. */
    public static double[] realPart(double[] z, int n) {
        double[] re = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = z[2 * i];
        }
        return re;
    }

    /** ‖z‖₂ over the first {@code n} complex entries, scaled to avoid overflow and underflow. */
    public static double norm2(double[] z, int n) {
        double scale = 0;
        for (int i = 0; i < 2 * n; i++) {
            scale = Math.max(scale, Math.abs(z[i]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (int i = 0; i < 2 * n; i++) {
            double v = z[i] / scale;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }

    /** |z_i| (modulus) of entry i. */
    public static double abs(double[] z, int i) {
        return Math.hypot(z[2 * i], z[2 * i + 1]);
    }

    /** ‖a − b‖₂ over the first {@code n} complex entries. */
    public static double distance(double[] a, double[] b, int n) {
        double sum = 0;
        for (int i = 0; i < 2 * n; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** Whether every entry is finite. */
    public static boolean allFinite(double[] z) {
        for (double v : z) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
