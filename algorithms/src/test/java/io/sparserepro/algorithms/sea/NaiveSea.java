package io.sparserepro.algorithms.sea;

import io.sparserepro.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * SEA written as plainly as possible for comparison: full sort for largest_k, Commons Math
 * QR from scratch for every least squares, no cache, the same start rule as {@link Sea} (a
 * start with fewer than k non-zeros is evaluated as it is, at t = 0 only).
 */
final class NaiveSea {
    final List<int[]> supports = new ArrayList<>();
    final List<Double> residuals = new ArrayList<>();
    double[] best;
    double bestResidual = Double.POSITIVE_INFINITY;

    NaiveSea(Problem p, double[] start, double step, int iterations) {
        RealMatrix a = new Array2DRowRealMatrix(p.operator().toDense().toRows());
        RealVector y = new ArrayRealVector(p.observations());
        int n = p.cols();
        int k = p.sparsity();
        double[] x = start.clone();
        for (int t = 0; t < iterations; t++) {
            double[] xs = new double[n];
            long nonZeros = Arrays.stream(x).filter(v -> v != 0).count();
            if (t == 0 && nonZeros < k) {
                xs = x.clone();
                supports.add(IntStream.range(0, n).filter(j -> x[j] != 0).toArray());
            } else {
                final double[] cur = x;
                int[] s = IntStream.range(0, n).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(j -> -Math.abs(cur[j])).thenComparingInt(j -> j))
                        .limit(k).mapToInt(Integer::intValue).sorted().toArray();
                supports.add(s);
                RealMatrix as = new Array2DRowRealMatrix(p.rows(), k);
                for (int c = 0; c < k; c++) {
                    as.setColumnVector(c, a.getColumnVector(s[c]));
                }
                RealVector z = new QRDecomposition(as).getSolver().solve(y);
                for (int c = 0; c < k; c++) {
                    xs[s[c]] = z.getEntry(c);
                }
            }
            RealVector r = a.operate(new ArrayRealVector(xs)).subtract(y);
            double rn = r.getNorm();
            residuals.add(rn);
            if (rn < bestResidual) {
                bestResidual = rn;
                best = xs;
            }
            RealVector g = a.transpose().operate(r);
            for (int j = 0; j < n; j++) {
                x[j] -= step * g.getEntry(j);
            }
        }
    }
}
