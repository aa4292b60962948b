package io.sparserepro.experiments;

import io.sparserepro.core.metrics.Localisation;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import java.util.List;

/**
 * Metrics for spike deconvolution beyond the paper's |S* \ Ŝ| (issue 12), registered in
 * {@link MetricRegistry#defaults()} beside {@link StandardMetrics} (but not in the default
 * metric list of a declaration, so existing declarations keep their identity):
 *
 * <ul>
 *   <li>{@code localisationF1_r0}, {@code _r1}, {@code _r2}: the F1 score of spikes found
 *       within ±r samples ({@link Localisation#f1}): a near miss is not a failure;</li>
 *   <li>{@code supportContained}: S* ⊆ Ŝ, the success of a solver given more than k (a wrong k).</li>
 * </ul>
 */
public final class LocalisationMetrics {
    /** The tolerances of the near-miss question, in samples. */
    public static final List<Integer> TOLERANCES = List.of(0, 1, 2);

    /** S* ⊆ Ŝ, 1 or 0. */
    public static final Metric SUPPORT_CONTAINED = Metric.of("supportContained",
            "S* ⊆ Ŝ (1 or 0): success of a solver asked for more than k entries", true,
            (p, r, s) -> RecoveryMetrics.supportDistance(truth(p), r.support()) == 0 ? 1 : 0);

    /** Every metric of this class, in column order. */
    public static final List<Metric> ALL = List.of(f1(0), f1(1), f1(2), SUPPORT_CONTAINED);

    private LocalisationMetrics() {
    }

    /** The id of the F1 metric at tolerance r. */
    public static String f1Id(int r) {
        return "localisationF1_r" + r;
    }

    /** The localisation F1 at tolerance r as a metric. */
    public static Metric f1(int r) {
        return Metric.of(f1Id(r), "F1 of spikes found within ±" + r + " samples (one-to-one matching)", false,
                (p, res, s) -> Localisation.f1(truth(p), res.support(), r));
    }

    private static int[] truth(Problem problem) {
        if (!problem.hasTruth()) {
            throw new IllegalArgumentException("localisation metrics need a problem with a known true support");
        }
        return problem.trueSupport();
    }
}
