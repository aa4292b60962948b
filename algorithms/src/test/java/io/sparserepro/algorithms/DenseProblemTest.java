package io.sparserepro.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseKernels;
import io.sparserepro.core.problem.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseProblemTest {

    @Test
    void holdsTheCheckedDenseProblem() {
        Problem p = Fixtures.gaussianProblem(20, 40, 3, 5);
        DenseProblem d = DenseProblem.of(p);
        assertSame(p.operator(), d.a()); // already dense: not copied
        assertEquals(20, d.m());
        assertEquals(40, d.n());
        assertEquals(3, d.k());
        assertEquals(DenseKernels.norm2(p.observations()), d.yNorm(), 0.0);
        assertEquals(null, DenseProblem.recorder(false));
    }

    @Test
    void theResultKeepsAZeroCoefficientIndexAndCountsIt() {
        Problem p = Fixtures.gaussianProblem(20, 40, 3, 6);
        DenseProblem d = DenseProblem.of(p);
        double[] x = new double[40];
        x[7] = 1.5;
        SparseResult r = d.result(x, new int[] {9, 7, 3}, 3, 1, true, null, Map.of("a", 1.0));
        assertArrayEquals(new int[] {3, 7, 9}, r.support());
        assertEquals(2.0, r.diagnostic(FitDiagnostics.ZERO_COEFFICIENTS));
        assertEquals(1.0, r.diagnostic("a"));
        assertEquals(SparseResult.residualNorm(p.operator(), p.observations(), x), r.residualNorm(), 1e-12);
    }

    @Test
    void moreThanKIndicesIsASolverBug() {
        DenseProblem d = DenseProblem.of(Fixtures.gaussianProblem(20, 40, 2, 7));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.result(new double[40], new int[] {1, 2, 3}, 3, 0, false, null, Map.of()));
        assertTrue(e.getMessage().contains("returned 3 indices for k = 2"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheArgumentName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseProblem.of(null));
        assertTrue(e.getMessage().contains("problem must not be null"), e.getMessage());
    }
}
