package io.sparserepro.algorithms.greedy;

import io.sparserepro.core.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Deliberately naive reference computations for the tests: every least-squares fit is a fresh
 * Commons Math Householder QR of A_S, every product a plain loop over {@code get(i, j)}. They
 * share no code with the solvers under test.
 */
final class NaiveGreedy {
    private NaiveGreedy() {
    }

    /** A least-squares fit on a support: coefficients (in the support's order) and residual. */
    record Fit(int[] support, double[] coefficients, double[] residual) {
        double residualSquared() {
            double s = 0;
            for (double v : residual) {
                s += v * v;
            }
            return s;
        }

        double[] estimate(int n) {
            double[] x = new double[n];
            for (int i = 0; i < support.length; i++) {
                x[support[i]] = coefficients[i];
            }
            return x;
        }
    }

    static Fit fit(DenseMatrix a, double[] y, int[] support) {
        int m = a.rows();
        if (support.length == 0) {
            return new Fit(support, new double[0], y.clone());
        }
        RealMatrix as = new Array2DRowRealMatrix(m, support.length);
        for (int c = 0; c < support.length; c++) {
            for (int i = 0; i < m; i++) {
                as.setEntry(i, c, a.get(i, support[c]));
            }
        }
        RealVector z = new QRDecomposition(as, 0.0).getSolver().solve(new ArrayRealVector(y));
        double[] coefficients = z.toArray();
        double[] r = y.clone();
        for (int c = 0; c < support.length; c++) {
            for (int i = 0; i < m; i++) {
                r[i] -= a.get(i, support[c]) * coefficients[c];
            }
        }
        return new Fit(support.clone(), coefficients, r);
    }

    static double[] correlations(DenseMatrix a, double[] r) {
        double[] c = new double[a.cols()];
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int i = 0; i < a.rows(); i++) {
                s += a.get(i, j) * r[i];
            }
            c[j] = s;
        }
        return c;
    }

    static boolean contains(int[] support, int j) {
        for (int s : support) {
            if (s == j) {
                return true;
            }
        }
        return false;
    }

    /** argmax_{j ∉ support} |c_j|, lowest index on ties. */
    static int argmaxOff(double[] c, int[] support) {
        int best = -1;
        for (int j = 0; j < c.length; j++) {
            if (!contains(support, j) && (best < 0 || Math.abs(c[j]) > Math.abs(c[best]))) {
                best = j;
            }
        }
        return best;
    }

    static int[] append(int[] support, int j) {
        int[] out = java.util.Arrays.copyOf(support, support.length + 1);
        out[support.length] = j;
        return out;
    }

    /** Textbook OMP: k iterations, refitting from scratch after every selection. */
    static Fit omp(DenseMatrix a, double[] y, int k) {
        Fit fit = fit(a, y, new int[0]);
        for (int t = 0; t < k; t++) {
            int j = argmaxOff(correlations(a, fit.residual()), fit.support());
            fit = fit(a, y, append(fit.support(), j));
        }
        return fit;
    }

    /** Every support S − i + j, i ∈ S, j ∉ S. */
    static List<int[]> singleSwaps(int[] support, int n) {
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < support.length; p++) {
            for (int j = 0; j < n; j++) {
                if (!contains(support, j)) {
                    int[] s = support.clone();
                    s[p] = j;
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The outcome of {@link #ompr}: the final fit and the number of support updates. */
    record OmprRun(Fit fit, int updates, boolean fixedPoint) {
    }

    /** The entry of {@code z} (indexed like {@code indices}) ranked last: smallest |z|, then highest index. */
    static int rankedLast(int[] indices, double[] z) {
        int worst = 0;
        for (int p = 1; p < indices.length; p++) {
            double v = Math.abs(z[p]);
            double w = Math.abs(z[worst]);
            if (v < w || (v == w && indices[p] > indices[worst])) {
                worst = p;
            }
        }
        return worst;
    }

    static int[] without(int[] support, int position) {
        int[] out = new int[support.length - 1];
        for (int p = 0, o = 0; p < support.length; p++) {
            if (p != position) {
                out[o++] = support[p];
            }
        }
        return out;
    }

    /**
     * Textbook OMPR(1) from the empty or a given start, refitting from scratch after every
     * change; {@code refit} selects the drop-after-refit variant instead of the paper's H_k,
     * which stops instead of taking a swap that does not lower ‖r‖.
     */
    static OmprRun ompr(DenseMatrix a, double[] y, int k, int[] start, boolean refit, double eta, int maxUpdates) {
        Fit fit = fit(a, y, start);
        int updates = 0;
        while (updates < maxUpdates) {
            double[] c = correlations(a, fit.residual());
            int j = argmaxOff(c, fit.support());
            int[] joined = append(fit.support(), j);
            if (fit.support().length < k) {
                fit = fit(a, y, joined);
                updates++;
                continue;
            }
            double[] z;
            if (refit) {
                z = fit(a, y, joined).coefficients();
            } else {
                z = new double[joined.length];
                for (int p = 0; p < fit.support().length; p++) {
                    z[p] = fit.coefficients()[p] + eta * c[joined[p]];
                }
                z[joined.length - 1] = eta * c[j];
            }
            int drop = rankedLast(joined, z);
            if (drop == joined.length - 1) {
                return new OmprRun(fit, updates, true);
            }
            Fit next = fit(a, y, without(joined, drop));
            if (refit && !(next.residualSquared() < fit.residualSquared())) {
                return new OmprRun(fit, updates, true); // the variant keeps only descending swaps
            }
            fit = next;
            updates++;
        }
        return new OmprRun(fit, updates, false);
    }

    /** The outcome of {@link #localSearch}: the final fit and the number of swaps. */
    record SearchRun(Fit fit, int swaps) {
    }

    /**
     * Exhaustive local search by brute force: from {@code start}, refit every single swap from
     * scratch, take the best (ties → first in {@link #singleSwaps} order), stop when no swap
     * lowers ‖r‖² by more than relativeTolerance·‖r‖².
     */
    static SearchRun localSearch(DenseMatrix a, double[] y, int[] start, double relativeTolerance, int maxSwaps) {
        Fit fit = fit(a, y, start);
        int swaps = 0;
        while (swaps < maxSwaps) {
            Fit best = null;
            for (int[] s : singleSwaps(fit.support(), a.cols())) {
                Fit candidate = fit(a, y, s);
                if (best == null || candidate.residualSquared() < best.residualSquared()) {
                    best = candidate;
                }
            }
            if (best == null || !(fit.residualSquared() - best.residualSquared()
                    > relativeTolerance * fit.residualSquared())) {
                break;
            }
            fit = best;
            swaps++;
        }
        return new SearchRun(fit, swaps);
    }
}
