package io.sparserepro.algorithms.unfolding;

import io.sparserepro.core.Checks;

/** Validation of the unfolding family's inputs, before any work (the networks' too). */
public final class UnfoldingInputs {
    private UnfoldingInputs() {
    }

    /** |w| as an array of length n; null or empty means all ones (the plain algorithms). */
    static double[] absoluteWeights(double[] weights, int n) {
        double[] w = new double[n];
        if (weights == null || weights.length == 0) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        checkWeights(weights, n);
        for (int j = 0; j < n; j++) {
            w[j] = Math.abs(weights[j]); // only |w ⊙ ·| enters the scores (SPEC-UNFOLDING, Notation)
        }
        return w;
    }

    /** Checks that {@code weights} has one finite entry per column, naming the first bad one. */
    public static void checkWeights(double[] weights, int n) {
        Checks.requireNonNull("weights", weights);
        if (weights.length != n) {
            throw new IllegalArgumentException("weights must have one entry per column (" + n + "): length "
                    + weights.length);
        }
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("weights must be finite: weights[" + j + "] = " + weights[j]);
            }
        }
    }

    /**
     * The weights option — text, because options as data are scalars: numbers separated by
     * commas or blanks, empty for all ones — as an array, every entry checked finite.
     */
    static double[] parseWeights(String weights) {
        Checks.requireNonNull("weights", weights);
        String trimmed = weights.trim();
        if (trimmed.isEmpty()) {
            return new double[0];
        }
        String[] parts = trimmed.split("[,\\s]+");
        double[] w = new double[parts.length];
        for (int j = 0; j < parts.length; j++) {
            try {
                w[j] = Double.parseDouble(parts[j]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weights must be numbers separated by commas: weights[" + j
                        + "] = '" + parts[j] + "'");
            }
            if (!Double.isFinite(w[j])) {
                throw new IllegalArgumentException("weights must be finite: weights[" + j + "] = " + parts[j]);
            }
        }
        return w;
    }

    /** The text form of {@code weights} for the options ({@link Double#toString}: exact round trip). */
    static String formatWeights(double[] weights) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < weights.length; j++) {
            b.append(j == 0 ? "" : ",").append(weights[j]);
        }
        return b.toString();
    }

    /**
     * Scores |w_j|·|g_j| of an interleaved g. The modulus is √(re² + im²), not
     * {@link Math#hypot} (several times slower, and only needed near overflow, which the
     * finite-input checks and unit-scale data of these solvers keep far away).
     */
    static void scores(double[] g, double[] absWeights, int n, double[] out) {
        for (int j = 0; j < n; j++) {
            double re = g[2 * j];
            double im = g[2 * j + 1];
            out[j] = absWeights[j] * Math.sqrt(re * re + im * im);
        }
    }
}
