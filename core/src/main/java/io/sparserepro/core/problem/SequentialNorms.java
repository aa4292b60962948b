package io.sparserepro.core.problem;

/**
 * ℓ2 norms summed strictly left to right in scalar code. The generators use these instead of
 * {@code DenseKernels} on purpose: the active kernel may be vectorised, which reorders the sum
 * and can change the last bits of a normalised column, and generated problems must be
 * bit-identical on every machine for a given seed.
 */
final class SequentialNorms {
    private SequentialNorms() {
    }

    /**
     * ‖v[offset .. offset+length)‖₂, rescaled by the largest modulus when the plain sum of squares
     * could overflow or underflow (user-supplied observations can have any scale).
     */
    static double norm2(double[] v, int offset, int length) {
        double scale = 0;
        for (int i = offset; i < offset + length; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0;
        if (scale > 1e-150 && scale < 1e150) {
            for (int i = offset; i < offset + length; i++) {
                sum += v[i] * v[i];
            }
            return Math.sqrt(sum);
        }
        for (int i = offset; i < offset + length; i++) {
            double t = v[i] / scale;
            sum += t * t;
        }
        return scale * Math.sqrt(sum);
    }

    static double norm2(double[] v) {
        return norm2(v, 0, v.length);
    }

    /**
     * Scales every column of the column-major {@code rows × cols} array in place to unit ℓ2
     * norm (the papers' normalisation, which makes δ₁ = 0). {@code what} names the matrix in
     * the error raised for a zero column.
     */
    static void normalizeColumns(double[] data, int rows, int cols, String what) {
        for (int j = 0; j < cols; j++) {
            int offset = j * rows;
            double norm = norm2(data, offset, rows);
            if (norm == 0) {
                throw new IllegalStateException("column " + j + " of the " + what
                        + " is zero and cannot be normalised");
            }
            double s = 1.0 / norm;
            for (int i = offset; i < offset + rows; i++) {
                data[i] *= s;
            }
        }
    }
}
