package io.sparserepro.experiments;

import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;

/**
 * A per-trial number an experiment records. A metric is a pure function of the problem and
 * the solver's result (so identical on every machine), except the measured solve time.
 * The suite's metrics are in {@link StandardMetrics}; a user adds one to a
 * {@link MetricRegistry} with {@link MetricRegistry#with}.
 */
public interface Metric {

    /** The stable name, used in declarations and as the column name: letters, digits, '_'. */
    String id();

    /** One line for {@code list metrics}. */
    String description();

    /** The value of this metric for one trial; {@code seconds} is the measured solve time. */
    double evaluate(Problem problem, SparseResult result, double seconds);

    /** Whether the value is a 0/1 outcome, summarised as a rate with a confidence interval. */
    default boolean isRate() {
        return false;
    }

    /** A metric from its parts. */
    static Metric of(String id, String description, boolean rate, Evaluation evaluation) {
        Checks.requireNonNull("id", id);
        Checks.requireNonNull("description", description);
        Checks.requireNonNull("evaluation", evaluation);
        if (!id.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a metric id must be letters, digits and '_', starting with a letter: '"
                    + id + "'");
        }
        return new Metric() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public double evaluate(Problem problem, SparseResult result, double seconds) {
                return evaluation.evaluate(problem, result, seconds);
            }

            @Override
            public boolean isRate() {
                return rate;
            }

            @Override
            public String toString() {
                return id;
            }
        };
    }

    /** How a metric is computed. */
    @FunctionalInterface
    interface Evaluation {
        double evaluate(Problem problem, SparseResult result, double seconds);
    }
}
