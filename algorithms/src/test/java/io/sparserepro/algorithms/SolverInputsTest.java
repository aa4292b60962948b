package io.sparserepro.algorithms;

import static io.sparserepro.algorithms.SparseSolverContractTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.linalg.ImplicitOperators;
import io.sparserepro.core.linalg.LinearOperator;
import io.sparserepro.core.problem.Problem;
import org.junit.jupiter.api.Test;

class SolverInputsTest {

    @Test
    void denseAndImplicitOperatorsGetTheSameMessages() {
        DenseMatrix a = Fixtures.gaussianMatrix(9, 12, 3);
        double[] y = new double[9];
        DenseMatrix zero = a.copy();
        for (int i = 0; i < 9; i++) {
            zero.set(i, 4, 0.0);
        }
        DenseMatrix nan = a.copy();
        nan.set(7, 10, Double.NaN);
        DenseMatrix huge = a.copy();
        for (int i = 0; i < 9; i++) {
            huge.set(i, 2, 1e308); // the column sum overflows, yet every entry is finite
        }
        for (boolean dense : new boolean[] {true, false}) {
            LinearOperator z = dense ? zero : ImplicitOperators.of(zero);
            LinearOperator n = dense ? nan : ImplicitOperators.of(nan);
            assertMessage(() -> SolverInputs.requireSolvable(Problem.of(z, y, 2)), "A has an all-zero column 4");
            assertMessage(() -> SolverInputs.requireSolvable(Problem.of(n, y, 2)), "A[7, 10] = NaN");
            Problem ok = Problem.of(dense ? huge : ImplicitOperators.of(huge), y, 2);
            assertEquals(ok, SolverInputs.requireSolvable(ok));
        }
        assertMessage(() -> SolverInputs.unitStepScale(null), "a must not be null");
        assertEquals(1.0, SolverInputs.unitStepScale(a));
        DenseMatrix doubled = a.copy();
        for (int i = 0; i < doubled.data().length; i++) {
            doubled.data()[i] *= 2;
        }
        assertEquals(0.25, SolverInputs.unitStepScale(doubled), 1e-15);
    }
}
