package io.sparserepro.core.linalg;

import java.util.Optional;

/**
 * Static facade over the dense kernels (in the manner of EJML's {@code CommonOps_DDRM}): the
 * Vector API kernel when {@code jdk.incubator.vector} is in the boot layer, the scalar one
 * otherwise. The system property {@code sparserepro.kernel=scalar} forces the scalar kernel.
 */
public final class DenseKernels {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final DenseKernel ACTIVE = choose();

    private DenseKernels() {
    }

    private static DenseKernel choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("sparserepro.kernel"))) {
            return ScalarKernel.INSTANCE;
        }
        return vectorized().orElse(ScalarKernel.INSTANCE);
    }

    /** The kernel every operation of this suite uses. */
    public static DenseKernel active() {
        return ACTIVE;
    }

    /** The plain-loop kernel, always available. */
    public static DenseKernel scalar() {
        return ScalarKernel.INSTANCE;
    }

    /** The Vector API kernel, if the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static Optional<DenseKernel> vectorized() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(VectorHolder.KERNEL);
    }

    /** Loaded only when the module is present: referencing VectorKernel earlier would fail. */
    private static final class VectorHolder {
        static final DenseKernel KERNEL = VectorKernel.INSTANCE;
    }

    public static double dot(double[] a, double[] b, int len) {
        return ACTIVE.dot(a, 0, b, 0, len);
    }

    public static double dot(double[] a, int aOffset, double[] b, int bOffset, int len) {
        return ACTIVE.dot(a, aOffset, b, bOffset, len);
    }

    public static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int len) {
        ACTIVE.axpy(alpha, x, xOffset, y, yOffset, len);
    }

    /**
     * ‖v[0..len)‖₂. The plain √(v·v) is used when the sum of squares is a normal number, which
     * means no square overflowed or was lost to underflow in a way that matters; otherwise the
     * vector is rescaled by its largest modulus first, so extreme entries neither overflow nor
     * underflow.
     */
    public static double norm2(double[] v, int len) {
        double sumOfSquares = ACTIVE.dot(v, 0, v, 0, len);
        if (sumOfSquares > 1e-280 && sumOfSquares < 1e280) {
            return Math.sqrt(sumOfSquares);
        }
        double scale = 0;
        for (int i = 0; i < len; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (int i = 0; i < len; i++) {
            double t = v[i] / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    public static double norm2(double[] v) {
        return norm2(v, v.length);
    }
}
