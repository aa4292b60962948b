package io.sparserepro.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-iteration history of a run: the residual norm ‖A xᵗ − y‖₂ and the sorted support of
 * each iterate. Recorded only when a solver's options ask for it (it allocates).
 */
public record Trace(double[] residualNorms, List<int[]> supports) {

    public int length() {
        return residualNorms.length;
    }

    /** Collects a trace during a run. */
    public static final class Recorder {
        private double[] residuals = new double[16];
        private final List<int[]> supports = new ArrayList<>();
        private int size;

        /** Records one iteration; the support array is copied and sorted. */
        public void record(double residualNorm, int[] support, int supportSize) {
            if (size == residuals.length) {
                residuals = Arrays.copyOf(residuals, 2 * size);
            }
            residuals[size++] = residualNorm;
            int[] copy = Arrays.copyOf(support, supportSize);
            Arrays.sort(copy);
            supports.add(copy);
        }

        public Trace build() {
            return new Trace(Arrays.copyOf(residuals, size), List.copyOf(supports));
        }
    }
}
