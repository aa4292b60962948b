package io.sparserepro.experiments;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The per-trial metrics an experiment can record, by stable name. All but {@link #TIME} are
 * pure functions of the problem and the solver's result, so they are identical on every
 * machine; time is measured and is therefore kept out of every byte-for-byte comparison
 * (it is the last data column of {@code trials.csv}).
 */
public enum Metric {
    /** Exact support recovery Ŝ = S*, 1 or 0 (SEA paper, Fig. 2). */
    SUCCESS("success"),
    /** |S* \ Ŝ| (SEA paper, Fig. 4). */
    SUPPORT_DISTANCE("supportDistance"),
    /** ‖x̂ − x*‖₂ / ‖x*‖₂. */
    RELATIVE_ERROR("relativeError"),
    /** ‖A x̂ − y‖₂ as the solver reports it. */
    RESIDUAL_NORM("residualNorm"),
    /** The solver's iteration count. */
    ITERATIONS("iterations"),
    /** Wall-clock seconds of {@code solve} (measured: differs between runs). */
    TIME("time");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    /** The stable name, used in declarations and as the column name. */
    public String id() {
        return id;
    }

    /** The value of this metric for one trial; {@code seconds} is the measured solve time. */
    public double evaluate(Problem problem, SparseResult result, double seconds) {
        switch (this) {
            case SUCCESS:
                return RecoveryMetrics.exactSupportRecovery(requireTruth(problem), result.support()) ? 1 : 0;
            case SUPPORT_DISTANCE:
                return RecoveryMetrics.supportDistance(requireTruth(problem), result.support());
            case RELATIVE_ERROR:
                requireTruth(problem);
                return RecoveryMetrics.relativeError(problem.truth(), result.estimate());
            case RESIDUAL_NORM:
                return result.residualNorm();
            case ITERATIONS:
                return result.iterations();
            case TIME:
                return seconds;
            default:
                throw new AssertionError(this);
        }
    }

    private int[] requireTruth(Problem problem) {
        if (!problem.hasTruth()) {
            throw new IllegalArgumentException("metric " + id + " needs a problem with a known true support");
        }
        return problem.trueSupport();
    }

    /** The metric called {@code id}, or an error listing the known names. */
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; known metrics: "
                + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
    }
}
