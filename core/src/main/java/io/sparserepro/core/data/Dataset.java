package io.sparserepro.core.data;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A regression data set: samples × named features and one target value per sample. The
 * arrays are shared, not copied (as in every record of this suite that holds arrays).
 *
 * @param name         a short name for tables and legends (e.g. {@code diabetes})
 * @param featureNames one distinct, non-empty name per feature column
 * @param features     samples × features
 * @param target       one finite value per sample
 */
public record Dataset(String name, List<String> featureNames, DenseMatrix features, double[] target) {
    public Dataset {
        Checks.requireNonNull("name", name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        featureNames = List.copyOf(Checks.requireNonNull("featureNames", featureNames));
        Checks.requireNonNull("features", features);
        Checks.requireLength("target", target, features.rows());
        Checks.requireFinite("target", target);
        if (featureNames.size() != features.cols()) {
            throw new IllegalArgumentException("featureNames has " + featureNames.size()
                    + " entries but features has " + features.cols() + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (String f : featureNames) {
            if (f.isBlank() || !seen.add(f)) {
                throw new IllegalArgumentException("feature names must be non-blank and distinct: '" + f + "'");
            }
        }
        if (features.rows() == 0 || features.cols() == 0) {
            throw new IllegalArgumentException("a data set needs at least one sample and one feature: "
                    + features.rows() + "×" + features.cols());
        }
    }

    public int samples() {
        return features.rows();
    }

    public int featureCount() {
        return features.cols();
    }

    /** The samples {@code rows} (in that order), same features. */
    public Dataset rows(int[] rows) {
        Checks.requireNonNull("rows", rows);
        int m = samples();
        int n = featureCount();
        DenseMatrix out = DenseMatrix.zeros(rows.length, n);
        double[] y = new double[rows.length];
        double[] src = features.data();
        double[] dst = out.data();
        for (int r = 0; r < rows.length; r++) {
            Checks.requireInRange("rows[" + r + "]", rows[r], 0, m - 1);
            y[r] = target[rows[r]];
        }
        for (int j = 0; j < n; j++) {
            int from = features.columnOffset(j);
            int to = out.columnOffset(j);
            for (int r = 0; r < rows.length; r++) {
                dst[to + r] = src[from + rows[r]];
            }
        }
        return new Dataset(name, featureNames, out, y);
    }

    /** The features {@code columns} (in that order), same samples. */
    public Dataset columns(int[] columns) {
        Checks.requireNonNull("columns", columns);
        int m = samples();
        DenseMatrix out = DenseMatrix.zeros(m, columns.length);
        String[] names = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Checks.requireInRange("columns[" + c + "]", columns[c], 0, featureCount() - 1);
            System.arraycopy(features.data(), features.columnOffset(columns[c]), out.data(), out.columnOffset(c), m);
            names[c] = featureNames.get(columns[c]);
        }
        return new Dataset(name, List.of(names), out, target);
    }

    /** The indices of the features that take a single value on every sample (no model can use them). */
    public int[] constantFeatures() {
        return java.util.stream.IntStream.range(0, featureCount()).filter(j -> {
            int offset = features.columnOffset(j);
            double first = features.data()[offset];
            for (int i = 1; i < samples(); i++) {
                if (features.data()[offset + i] != first) {
                    return false;
                }
            }
            return true;
        }).toArray();
    }

    /** A copy without {@link #constantFeatures()} (this data set itself if there are none). */
    public Dataset withoutConstantFeatures() {
        int[] constant = constantFeatures();
        if (constant.length == 0) {
            return this;
        }
        boolean[] drop = new boolean[featureCount()];
        for (int j : constant) {
            drop[j] = true;
        }
        return columns(java.util.stream.IntStream.range(0, featureCount()).filter(j -> !drop[j]).toArray());
    }

    /** A copy named {@code value}. */
    public Dataset withName(String value) {
        return new Dataset(value, featureNames, features, target);
    }
}
