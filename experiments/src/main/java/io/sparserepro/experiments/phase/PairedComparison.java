package io.sparserepro.experiments.phase;

import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * "SEA after ALG" against ALG on the same instances (issue 11): per instance, is the
 * candidate better than, equal to, or worse than the baseline, and is the difference beyond
 * chance? The test is the exact two-sided sign test on the discordant pairs (ties dropped):
 * under H0 an improvement and a worsening are equally likely, so improved ~ Bin(improved +
 * worsened, 1/2). On success/failure outcomes this is McNemar's exact test (McNemar 1947;
 * the binomial form is in Agresti, Categorical Data Analysis, 3rd ed., §11.1).
 *
 * @param improved  instances where the candidate is better
 * @param equal     instances where both are equal (for success outcomes: both succeed or both fail)
 * @param worsened  instances where the candidate is worse
 * @param pValue    exact two-sided p-value, min(1, 2·P(Bin(b + c, 1/2) ≤ min(b, c)))
 */
public record PairedComparison(int improved, int equal, int worsened, double pValue) {

    public PairedComparison {
        if (improved < 0 || equal < 0 || worsened < 0) {
            throw new IllegalArgumentException("counts must be non-negative: improved=" + improved
                    + " equal=" + equal + " worsened=" + worsened);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1]: " + pValue);
        }
    }

    /** All instances compared. */
    public int pairs() {
        return improved + equal + worsened;
    }

    /**
     * Compares success outcomes: improved = the candidate succeeds where the baseline fails.
     *
     * @throws IllegalArgumentException if the arrays are null or differ in length
     */
    public static PairedComparison ofSuccess(boolean[] baseline, boolean[] candidate) {
        checkLengths(baseline == null ? -1 : baseline.length, candidate == null ? -1 : candidate.length);
        int better = 0;
        int worse = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (candidate[i] && !baseline[i]) {
                better++;
            } else if (baseline[i] && !candidate[i]) {
                worse++;
            }
        }
        return of(better, baseline.length - better - worse, worse);
    }

    /**
     * Compares scores where lower is better (e.g. the support distance |S* \ Ŝ|): improved =
     * the candidate's score is lower. Scores must be comparable exactly (integers, or values
     * computed identically), as equality decides the ties.
     */
    public static PairedComparison ofScores(double[] baseline, double[] candidate) {
        checkLengths(baseline == null ? -1 : baseline.length, candidate == null ? -1 : candidate.length);
        int better = 0;
        int worse = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (Double.isNaN(baseline[i]) || Double.isNaN(candidate[i])) {
                throw new IllegalArgumentException("scores must not be NaN, but pair " + i + " is ("
                        + baseline[i] + ", " + candidate[i] + ")");
            }
            if (candidate[i] < baseline[i]) {
                better++;
            } else if (candidate[i] > baseline[i]) {
                worse++;
            }
        }
        return of(better, baseline.length - better - worse, worse);
    }

    /** From counts. */
    public static PairedComparison of(int improved, int equal, int worsened) {
        return new PairedComparison(improved, equal, worsened, signTestPValue(improved, worsened));
    }

    /**
     * The exact two-sided p-value of b against c discordant pairs: min(1, 2·Σ_{i ≤ min(b, c)}
     * C(b + c, i)/2^(b+c)); 1 when there are none. Terms are summed in log space so that
     * thousands of pairs neither overflow nor underflow.
     */
    public static double signTestPValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be non-negative: b=" + b + " c=" + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int smaller = Math.min(b, c);
        double logHalfPow = -n * Math.log(2);
        double maxLog = Double.NEGATIVE_INFINITY;
        double[] logs = new double[smaller + 1];
        for (int i = 0; i <= smaller; i++) {
            logs[i] = CombinatoricsUtils.binomialCoefficientLog(n, i) + logHalfPow;
            maxLog = Math.max(maxLog, logs[i]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - maxLog);
        }
        return Math.min(1, 2 * Math.exp(maxLog + Math.log(sum)));
    }

    private static void checkLengths(int baseline, int candidate) {
        if (baseline < 0 || candidate < 0) {
            throw new IllegalArgumentException("baseline and candidate must not be null");
        }
        if (baseline != candidate) {
            throw new IllegalArgumentException("baseline and candidate must have the same length: "
                    + baseline + " and " + candidate);
        }
    }
}
