package io.sparserepro.core.rip;

import io.sparserepro.core.Checks;
import java.util.Arrays;

/**
 * A restricted isometry constant of order s, exact or a lower bound, with the extreme
 * eigenvalues behind it.
 *
 * <p>{@code lambdaMin} is the smallest λ_min(A_SᵀA_S) and {@code lambdaMax} the largest
 * λ_max(A_SᵀA_S) over the supports examined (the asymmetric lower and upper restricted isometry
 * bounds), so {@code delta = max(lambdaMax − 1, 1 − lambdaMin)}. {@code worstSupport} is a
 * support (sorted ascending) attaining {@code delta}; when several do, the first one examined.
 *
 * @param order              s, the support size
 * @param delta              δ_s, or a lower bound on it for a sampled constant
 * @param lambdaMin          the smallest restricted eigenvalue found
 * @param lambdaMax          the largest restricted eigenvalue found
 * @param worstSupport       a support attaining {@code delta}, sorted ascending (copied)
 * @param supportsEnumerated how many supports had their eigenvalues computed
 */
public record RipConstant(int order, double delta, double lambdaMin, double lambdaMax,
                          int[] worstSupport, long supportsEnumerated) {

    public RipConstant {
        Checks.requirePositive("order", order);
        Checks.requireNonNull("worstSupport", worstSupport);
        if (worstSupport.length != order) {
            throw new IllegalArgumentException("worstSupport must have length order = " + order
                    + ": " + worstSupport.length);
        }
        if (supportsEnumerated < 1) {
            throw new IllegalArgumentException("supportsEnumerated must be positive: " + supportsEnumerated);
        }
        // Arrays are mutable; copy so the record stays a value.
        worstSupport = worstSupport.clone();
    }

    /** A copy of the worst support. */
    @Override
    public int[] worstSupport() {
        return worstSupport.clone();
    }

    /** λ_max − 1: the upper restricted isometry constant (how much A_S can stretch). */
    public double upperDeviation() {
        return lambdaMax - 1;
    }

    /** 1 − λ_min: the lower restricted isometry constant (how much A_S can shrink). */
    public double lowerDeviation() {
        return 1 - lambdaMin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RipConstant other
                && other.order == order
                && Double.compare(other.delta, delta) == 0
                && Double.compare(other.lambdaMin, lambdaMin) == 0
                && Double.compare(other.lambdaMax, lambdaMax) == 0
                && Arrays.equals(other.worstSupport, worstSupport)
                && other.supportsEnumerated == supportsEnumerated;
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(order);
        h = 31 * h + Double.hashCode(delta);
        h = 31 * h + Double.hashCode(lambdaMin);
        h = 31 * h + Double.hashCode(lambdaMax);
        h = 31 * h + Arrays.hashCode(worstSupport);
        return 31 * h + Long.hashCode(supportsEnumerated);
    }

    @Override
    public String toString() {
        return "RipConstant[order=" + order + ", delta=" + delta + ", lambdaMin=" + lambdaMin
                + ", lambdaMax=" + lambdaMax + ", worstSupport=" + Arrays.toString(worstSupport)
                + ", supportsEnumerated=" + supportsEnumerated + "]";
    }
}
