package io.sparserepro.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.rip.RestrictedIsometry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Published RIP conditions of the baselines, on small matrices whose restricted isometry
 * constants are computed exactly by enumerating supports: where a condition holds, exact
 * recovery is asserted for every support of size k and every sign pattern; where it fails,
 * nothing is asserted (the rate is only reported).
 */
class BaselineRipTest {
    static final int N = 14;
    /** Magnitude patterns: moderate, and a wide dynamic range (the conditions hold for any x*). */
    static final double[][] MAGNITUDES = {{1.0, 1.6, 1.3}, {0.1, 3.0, 0.7}};

    /** normalize(Q + εG) for growing ε: δ_s grows from 0. */
    static List<DenseMatrix> family() {
        DenseMatrix q = OrthonormalMatrices.orthonormalColumns(N, N, 8);
        List<DenseMatrix> out = new ArrayList<>();
        for (double epsilon : new double[] {0.0, 0.02, 0.05, 0.1, 0.2, 0.4}) {
            out.add(OrthonormalMatrices.perturbed(q, epsilon, 300));
        }
        // A compressive member: 10 rows of a random orthogonal 14×14 matrix.
        DenseMatrix square = OrthonormalMatrices.orthonormalColumns(N, N, 9);
        DenseMatrix rows = DenseMatrix.zeros(10, N);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < 10; i++) {
                rows.set(i, j, square.get(i, j));
            }
        }
        out.add(rows.normalizeColumns());
        return out;
    }

    /** Every support of size k, every sign pattern, fixed magnitudes; noiseless. */
    static List<Problem> allInstances(DenseMatrix a, int k) {
        List<Problem> out = new ArrayList<>();
        RestrictedIsometry.forEachSupport(a.cols(), k, support -> {
            for (double[] magnitudes : MAGNITUDES) {
                for (int signs = 0; signs < (1 << k); signs++) {
                    double[] x = new double[a.cols()];
                    for (int i = 0; i < k; i++) {
                        x[support[i]] = ((signs >> i & 1) == 0 ? 1 : -1) * magnitudes[i];
                    }
                    double[] y = new double[a.rows()];
                    a.apply(x, y);
                    out.add(new Problem(a, y, k, x, support.clone()));
                }
            }
        });
        return out;
    }

    /**
     * Asserts exact recovery on every instance of every family member where the condition on
     * δ_order holds; returns how many members it held for (so a test can insist it held).
     */
    static int assertRecoveryWhereConditionHolds(String what, int k, int order, DoublePredicate condition,
                                                 Function<DenseMatrix, SparseSolver> solverFor) {
        int held = 0;
        StringBuilder report = new StringBuilder();
        for (DenseMatrix a : family()) {
            double delta = RestrictedIsometry.exactConstant(a, Math.min(order, a.cols())).delta();
            boolean holds = condition.test(delta);
            SparseSolver solver = solverFor.apply(a);
            int recovered = 0;
            List<Problem> instances = allInstances(a, k);
            for (Problem p : instances) {
                SparseResult r = solver.solve(p);
                boolean exact = java.util.Arrays.equals(p.trueSupport(), r.support());
                if (exact) {
                    recovered++;
                }
                if (holds) {
                    assertArrayEquals(p.trueSupport(), r.support(), what + ": δ_" + order + " = " + delta
                            + " satisfies the condition, yet " + java.util.Arrays.toString(p.truth()) + " was missed");
                    for (int j = 0; j < a.cols(); j++) {
                        // Noiseless, exact support, cond(A_S) ≤ (1+δ)/(1−δ) < 4: the refit is x*
                        // to round-off; IHT's converged iterate is within its 1e-12 relative
                        // stopping tolerance times 1/(1 − rate) ≲ 1e-9; 1e-7 leaves margin.
                        assertEquals(p.truth()[j], r.estimate()[j], 1e-7, what + " x[" + j + "]");
                    }
                }
            }
            held += holds ? 1 : 0;
            report.append(String.format("%s %d×%d: δ_%d = %.4f, condition %s, recovered %d/%d%n", what,
                    a.rows(), a.cols(), order, delta, holds ? "holds" : "fails", recovered, instances.size()));
        }
        System.out.print(report);
        return held;
    }

    @Test
    void ompRecoversInKStepsWhereDeltaKPlus1IsBelowMoShensBound() {
        for (int k = 1; k <= 3; k++) {
            final int sparsity = k;
            int held = assertRecoveryWhereConditionHolds("omp k=" + k, k, k + 1,
                    delta -> RecoveryConditions.ompExactRecovery(delta, sparsity), a -> new Omp());
            assertTrue(held >= 2, "the family must contain matrices satisfying the condition");
        }
    }

    @Test
    void htpRecoversWhereDelta3kIsBelowOneOverRootThree() {
        for (int k = 1; k <= 2; k++) {
            int held = assertRecoveryWhereConditionHolds("htp k=" + k, k, 3 * k,
                    RecoveryConditions::htpExactRecovery, a -> new Htp());
            assertTrue(held >= 2, "the family must contain matrices satisfying the condition");
        }
    }

    @Test
    void cosampRecoversWhereDelta4kIsAtMostATenth() {
        for (int k = 1; k <= 2; k++) {
            int held = assertRecoveryWhereConditionHolds("cosamp k=" + k, k, 4 * k,
                    RecoveryConditions::cosampExactRecovery, a -> new Cosamp());
            assertTrue(held >= 2, "the family must contain matrices satisfying the condition");
        }
    }

    @Test
    void subspacePursuitRecoversWhereDelta3kIsBelow0165() {
        for (int k = 1; k <= 2; k++) {
            int held = assertRecoveryWhereConditionHolds("sp k=" + k, k, 3 * k,
                    RecoveryConditions::subspacePursuitExactRecovery, a -> new SubspacePursuit());
            assertTrue(held >= 2, "the family must contain matrices satisfying the condition");
        }
    }

    @Test
    void ihtWithUnitStepRecoversWhereDelta3kIsBelowOneOverRootThree() {
        // Foucart–Rauhut's IHT uses a unit step: stepFactor = ‖A‖₂²(1 + margin)² cancels the
        // solver's μ = stepFactor/(‖A‖₂(1 + margin))², up to round-off. A margin of 1e-3 on
        // the condition absorbs that (‖I − μA_TᵀA_T‖ ≤ δ + |1 − μ|(1 + δ)).
        for (int k = 1; k <= 2; k++) {
            int held = assertRecoveryWhereConditionHolds("iht k=" + k, k, 3 * k,
                    delta -> RecoveryConditions.ihtConvergence(delta + 1e-3),
                    a -> {
                        double norm = a.spectralNorm() * (1 + 1e-6);
                        return new Iht(Iht.Options.defaults().withStepFactor(norm * norm).withDebias(false));
                    });
            assertTrue(held >= 2, "the family must contain matrices satisfying the condition");
        }
    }
}
