package io.sparserepro.algorithms;

import io.sparserepro.core.linalg.DenseMatrix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Matrices with orthonormal columns, and perturbations of them with growing RIP constants. */
public final class OrthonormalMatrices {
    private OrthonormalMatrices() {
    }

    /** Q of the QR factorisation of an m×n Gaussian matrix (m ≥ n): δ_s = 0 for every s. */
    public static DenseMatrix orthonormalColumns(int m, int n, long seed) {
        RealMatrix g = new Array2DRowRealMatrix(Fixtures.gaussianMatrix(m, n, seed).toRows());
        RealMatrix q = new QRDecomposition(g).getQ().getSubMatrix(0, m - 1, 0, n - 1);
        return DenseMatrix.fromRows(q.getData());
    }

    /** normalize(Q + ε·G): δ_s grows with ε from 0. */
    public static DenseMatrix perturbed(DenseMatrix q, double epsilon, long seed) {
        DenseMatrix g = Fixtures.gaussianMatrix(q.rows(), q.cols(), seed);
        DenseMatrix out = q.copy();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] += epsilon * g.data()[i];
        }
        return out.normalizeColumns();
    }
}
