package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;

/**
 * A labelled data set read from a LIBSVM file: one sample per row of {@code features}.
 * The arrays are shared, not copied, so equality is by identity as for any record holding
 * arrays.
 *
 * @param features samples × features, dense; absent entries are zero
 * @param labels   one label per sample, in file order
 */
public record LibSvmData(DenseMatrix features, double[] labels) {
    public LibSvmData {
        Checks.requireNonNull("features", features);
        Checks.requireLength("labels", labels, features.rows());
    }

    public int samples() {
        return features.rows();
    }

    public int featureCount() {
        return features.cols();
    }
}
