package io.sparserepro.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The interface's default methods, and the least squares on an operator that is not dense. */
class LinearOperatorDefaultsTest {

    @Test
    void defaultsAgreeWithTheDenseImplementation() {
        DenseMatrix a = TestMatrices.gaussian(9, 13, 71);
        LinearOperator op = ImplicitOperators.of(a);
        assertEquals(a, op.toDense());
        int[] support = {2, 5, 11};
        double[] coefficients = {1.5, -2, 0.25};
        double[] viaDefault = new double[9];
        double[] viaDense = new double[9];
        op.applyOnSupport(support, coefficients, 3, viaDefault);
        a.applyOnSupport(support, coefficients, 3, viaDense);
        assertTrue(TestMatrices.maxAbsDiff(viaDefault, viaDense) < 1e-14);
    }

    @Test
    void supportLeastSquaresGivesTheSameFitThroughTheInterface() {
        DenseMatrix a = TestMatrices.gaussian(20, 30, 72).normalizeColumns();
        double[] y = TestMatrices.gaussianVector(20, 73);
        SupportLeastSquares dense = new SupportLeastSquares(a, 6);
        SupportLeastSquares viaInterface = new SupportLeastSquares(ImplicitOperators.of(a), 6);
        dense.setObservations(y);
        viaInterface.setObservations(y);
        for (int j : new int[] {4, 9, 17, 23, 1}) {
            dense.add(j);
            viaInterface.add(j);
        }
        dense.remove(9);
        viaInterface.remove(9);
        double[] x1 = new double[30];
        double[] x2 = new double[30];
        dense.estimate(x1, new double[6]);
        viaInterface.estimate(x2, new double[6]);
        // Same arithmetic on the same numbers: identical.
        assertTrue(TestMatrices.maxAbsDiff(x1, x2) == 0.0);
    }
}
