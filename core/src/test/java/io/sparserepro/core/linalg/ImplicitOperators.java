package io.sparserepro.core.linalg;

/** Test fixture shared with other modules' tests (core's test-jar). */
public final class ImplicitOperators {
    private ImplicitOperators() {
    }

    /**
     * A dense matrix seen only through {@link LinearOperator}, so that the interface's default
     * methods and every non-dense code path run on numbers a dense reference also sees.
     */
    public static LinearOperator of(DenseMatrix a) {
        return new LinearOperator() {
            @Override
            public int rows() {
                return a.rows();
            }

            @Override
            public int cols() {
                return a.cols();
            }

            @Override
            public void apply(double[] x, double[] out) {
                a.apply(x, out);
            }

            @Override
            public void applyAdjoint(double[] r, double[] out) {
                a.applyAdjoint(r, out);
            }

            @Override
            public void column(int j, double[] out) {
                a.column(j, out);
            }
        };
    }
}
