package io.sparserepro.core.data;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.List;

/**
 * Centring and unit-norm scaling of a design matrix, fitted on training samples and kept, so
 * that a model fitted on the standardised data is reported on the original scale.
 *
 * <p>With μ_j the training mean of feature j, s_j = ‖a_j − μ_j‖₂ the norm of the centred
 * training column and ȳ the training mean of the target, the solvers see
 * ã_ij = (a_ij − μ_j)/s_j (centred, unit-norm columns: the normalisation the greedy methods
 * assume, SEA paper §2 and the ELS paper's experiments) and ỹ_i = y_i − ȳ. A coefficient
 * vector z on that scale is the affine model
 * <pre>  ŷ = ȳ + Σ_j z_j (a_j − μ_j)/s_j = b + Σ_j x_j a_j,   x_j = z_j/s_j,   b = ȳ − Σ_j x_j μ_j,</pre>
 * which {@link #coefficients} and {@link #intercept} return. The target is centred but not
 * scaled: the objectives reported are ratios (‖Ãz − ỹ‖²/‖ỹ‖²), which do not depend on y's scale.
 *
 * @param featureNames the features' names (for messages)
 * @param means        μ_j
 * @param scales       s_j, all positive
 * @param targetMean   ȳ
 */
public record Standardization(List<String> featureNames, double[] means, double[] scales, double targetMean) {
    public Standardization {
        featureNames = List.copyOf(Checks.requireNonNull("featureNames", featureNames));
        Checks.requireLength("means", means, featureNames.size());
        Checks.requireLength("scales", scales, featureNames.size());
        Checks.requireFinite("means", means);
        Checks.requireFinite("scales", scales);
        Checks.requireFinite("targetMean", targetMean);
        for (int j = 0; j < scales.length; j++) {
            if (!(scales[j] > 0)) {
                throw new IllegalArgumentException("scales[" + j + "] (feature '" + featureNames.get(j)
                        + "') must be positive: " + scales[j]);
            }
        }
    }

    /**
     * Fits μ, s and ȳ on {@code training}.
     *
     * @throws IllegalArgumentException if a feature is constant on the training samples (its
     *                                  centred column is zero and cannot be scaled to unit norm;
     *                                  drop it first, {@link Dataset#withoutConstantFeatures()})
     */
    public static Standardization fit(Dataset training) {
        Checks.requireNonNull("training", training);
        DenseMatrix a = training.features();
        int m = a.rows();
        int n = a.cols();
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] data = a.data();
        for (int j = 0; j < n; j++) {
            int offset = a.columnOffset(j);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += data[offset + i];
            }
            double mean = sum / m;
            double squares = 0;
            for (int i = 0; i < m; i++) {
                double d = data[offset + i] - mean;
                squares += d * d;
            }
            means[j] = mean;
            scales[j] = Math.sqrt(squares);
            if (!(scales[j] > 0)) {
                throw new IllegalArgumentException("feature '" + training.featureNames().get(j) + "' of data set "
                        + training.name() + " is constant on the " + m + " training samples (value " + mean
                        + "): it cannot be scaled to unit norm; drop it first");
            }
        }
        double sum = 0;
        for (double v : training.target()) {
            sum += v;
        }
        return new Standardization(training.featureNames(), means, scales, sum / m);
    }

    /** (a_ij − μ_j)/s_j for every sample of {@code raw} (training or test samples). */
    public DenseMatrix features(DenseMatrix raw) {
        Checks.requireNonNull("raw", raw);
        if (raw.cols() != means.length) {
            throw new IllegalArgumentException("raw has " + raw.cols() + " columns, the standardisation "
                    + means.length);
        }
        DenseMatrix out = DenseMatrix.zeros(raw.rows(), raw.cols());
        double[] src = raw.data();
        double[] dst = out.data();
        for (int j = 0; j < raw.cols(); j++) {
            int offset = raw.columnOffset(j);
            double mean = means[j];
            double inverse = 1.0 / scales[j];
            for (int i = 0; i < raw.rows(); i++) {
                dst[offset + i] = (src[offset + i] - mean) * inverse;
            }
        }
        return out;
    }

    /** y_i − ȳ. */
    public double[] target(double[] raw) {
        Checks.requireNonNull("raw", raw);
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] - targetMean;
        }
        return out;
    }

    /** x_j = z_j/s_j: the coefficients of the original features. */
    public double[] coefficients(double[] standardized) {
        Checks.requireLength("standardized", standardized, scales.length);
        double[] x = new double[scales.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = standardized[j] / scales[j];
        }
        return x;
    }

    /** b = ȳ − Σ_j x_j μ_j for x = {@link #coefficients}(z). */
    public double intercept(double[] standardized) {
        double[] x = coefficients(standardized);
        double b = targetMean;
        for (int j = 0; j < x.length; j++) {
            b -= x[j] * means[j];
        }
        return b;
    }

    /** b + Σ_j x_j a_ij for every sample of {@code raw}: the prediction on the original scale. */
    public static double[] predict(DenseMatrix raw, double[] coefficients, double intercept) {
        Checks.requireNonNull("raw", raw);
        Checks.requireLength("coefficients", coefficients, raw.cols());
        double[] out = new double[raw.rows()];
        raw.apply(coefficients, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += intercept;
        }
        return out;
    }
}
