package io.sparserepro.experiments;

import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import java.util.List;

/** The suite's per-trial metrics (registered in {@link MetricRegistry#defaults()}). */
public final class StandardMetrics {
    /**
     * The relative error below which an estimate counts as the true vector in
     * {@link #EXACT_RECOVERY}: far above the round-off of a least-squares fit or of the exact
     * ℓ1 homotopy on well-posed problems (~1e-12), far below any error of a wrong support.
     */
    public static final double EXACT_RECOVERY_TOLERANCE = 1e-6;

    /** Exact support recovery Ŝ = S*, 1 or 0 (SEA paper, Fig. 2). */
    public static final Metric SUCCESS = Metric.of("success", "exact support recovery Ŝ = S* (1 or 0)", true,
            (p, r, s) -> RecoveryMetrics.exactSupportRecovery(truth(p, "success"), r.support()) ? 1 : 0);

    /**
     * The estimate itself equals x*: ‖x̂ − x*‖₂ ≤ 1e-6·‖x*‖₂, and for a solver that reports
     * the tail of an ℓ1 solution beyond its k largest entries ({@code l1TailNorm}) that tail
     * is below the same tolerance. For ℓ1 this is basis-pursuit success, the event the
     * Donoho–Tanner curve describes (no refit with the true k); for the greedy solvers, which
     * refit on their support, it equals {@link #SUCCESS} in the noiseless case.
     */
    public static final Metric EXACT_RECOVERY = Metric.of("exactRecovery",
            "x̂ = x* to relative error 1e-6, ℓ1 tail included (basis-pursuit success for l1)", true, (p, r, s) -> {
                truth(p, "exactRecovery");
                double error = RecoveryMetrics.relativeError(p.truth(), r.estimate());
                Double tail = r.diagnostics().get("l1TailNorm");
                boolean tailSmall = tail == null || tail <= EXACT_RECOVERY_TOLERANCE;
                return error <= EXACT_RECOVERY_TOLERANCE && tailSmall ? 1 : 0;
            });

    /** |S* \ Ŝ| (SEA paper, Fig. 4). */
    public static final Metric SUPPORT_DISTANCE = Metric.of("supportDistance", "|S* \\ Ŝ|, true indices missed",
            false, (p, r, s) -> RecoveryMetrics.supportDistance(truth(p, "supportDistance"), r.support()));

    /** ‖x̂ − x*‖₂ / ‖x*‖₂. */
    public static final Metric RELATIVE_ERROR = Metric.of("relativeError", "‖x̂ − x*‖₂ / ‖x*‖₂", false, (p, r, s) -> {
        truth(p, "relativeError");
        return RecoveryMetrics.relativeError(p.truth(), r.estimate());
    });

    /** ‖A x̂ − y‖₂ as the solver reports it. */
    public static final Metric RESIDUAL_NORM = Metric.of("residualNorm", "‖A x̂ − y‖₂", false,
            (p, r, s) -> r.residualNorm());

    /** The solver's iteration count. */
    public static final Metric ITERATIONS = Metric.of("iterations", "the solver's iteration count", false,
            (p, r, s) -> r.iterations());

    /** All of them, in column order. */
    public static final List<Metric> ALL = List.of(SUCCESS, EXACT_RECOVERY, SUPPORT_DISTANCE, RELATIVE_ERROR,
            RESIDUAL_NORM, ITERATIONS);

    private StandardMetrics() {
    }

    private static int[] truth(Problem problem, String metric) {
        if (!problem.hasTruth()) {
            throw new IllegalArgumentException("metric " + metric + " needs a problem with a known true support");
        }
        return problem.trueSupport();
    }
}
