package io.sparserepro.core.data;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quadratic model of Efron, Hastie, Johnstone and Tibshirani, "Least angle regression",
 * Ann. Statist. 32 (2004), §5 (the diabetes study's 64-predictor model): the p main effects,
 * the p(p−1)/2 interactions and the squares of the non-binary features. For the diabetes data
 * (p = 10, 'sex' binary) that is 10 + 45 + 9 = 64 features.
 *
 * <p>Interactions and squares are products of <em>centred</em> features, (a_i − μ_i)(a_j − μ_j)
 * with μ the mean over all samples: centring keeps a product from being nearly collinear with
 * its main effects (raw age·bmi correlates strongly with age and with bmi), as the LARS paper's
 * products of standardised covariates do; scaling does not matter because every column is
 * standardised again before fitting. A binary feature's square is affine in the feature itself
 * (x² = (a + b)x − ab on {a, b}), so it adds nothing and is left out. Names: {@code a*b},
 * {@code a^2}; order: main effects, interactions (i &lt; j, row by row), squares.
 */
public final class QuadraticExpansion {
    private QuadraticExpansion() {
    }

    /** The expanded data set, named {@code <name>-quadratic}. */
    public static Dataset of(Dataset data) {
        Checks.requireNonNull("data", data);
        int m = data.samples();
        int p = data.featureCount();
        DenseMatrix a = data.features();
        double[][] centred = new double[p][m];
        boolean[] binary = new boolean[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            Set<Double> distinct = new HashSet<>();
            for (int i = 0; i < m; i++) {
                double v = a.get(i, j);
                sum += v;
                if (distinct.size() <= 2) {
                    distinct.add(v);
                }
            }
            double mean = sum / m;
            for (int i = 0; i < m; i++) {
                centred[j][i] = a.get(i, j) - mean;
            }
            binary[j] = distinct.size() <= 2;
        }
        List<String> names = new ArrayList<>(data.featureNames());
        List<double[]> columns = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] c = new double[m];
            for (int i = 0; i < m; i++) {
                c[i] = a.get(i, j);
            }
            columns.add(c);
        }
        for (int j = 0; j < p; j++) {
            for (int l = j + 1; l < p; l++) {
                names.add(data.featureNames().get(j) + "*" + data.featureNames().get(l));
                columns.add(product(centred[j], centred[l]));
            }
        }
        for (int j = 0; j < p; j++) {
            if (!binary[j]) {
                names.add(data.featureNames().get(j) + "^2");
                columns.add(product(centred[j], centred[j]));
            }
        }
        DenseMatrix out = DenseMatrix.zeros(m, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            System.arraycopy(columns.get(c), 0, out.data(), out.columnOffset(c), m);
        }
        return new Dataset(data.name() + "-quadratic", names, out, data.target());
    }

    private static double[] product(double[] u, double[] v) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] * v[i];
        }
        return out;
    }
}
