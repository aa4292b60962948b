package io.sparserepro.algorithms.greedy;

import io.sparserepro.core.Checks;

/** Small shared pieces of the greedy solvers: selection off a support and option checks. */
final class GreedySupport {
    private GreedySupport() {
    }

    /**
     * argmax_{j < n, !excluded[j]} |v[j]|, ties → lowest index (a strict comparison in
     * ascending order keeps the first maximum), or −1 if every index is excluded.
     */
    static int argmaxAbsOff(double[] v, int n, boolean[] excluded) {
        int best = -1;
        double bestValue = -1;
        for (int j = 0; j < n; j++) {
            if (!excluded[j]) {
                double a = Math.abs(v[j]);
                if (a > bestValue) {
                    bestValue = a;
                    best = j;
                }
            }
        }
        return best;
    }

    /** A tolerance strictly between 0 and 1. */
    static double requireUnitInterval(String name, double value) {
        Checks.requirePositive(name, value);
        if (value >= 1) {
            throw new IllegalArgumentException(name + " must be in (0, 1): " + value);
        }
        return value;
    }

    /** A tolerance in [0, 1). */
    static double requireTolerance(String name, double value) {
        Checks.requireNonNegative(name, value);
        if (value >= 1) {
            throw new IllegalArgumentException(name + " must be in [0, 1): " + value);
        }
        return value;
    }
}
