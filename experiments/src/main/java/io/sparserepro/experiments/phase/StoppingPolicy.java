package io.sparserepro.experiments.phase;

/**
 * Hands each decision of a {@link ThresholdSearch} its {@link StoppingRule}. The search
 * numbers the points it evaluates 1, 2, 3, … in the order it opens them; a policy may give
 * later decisions stricter rules (to split an error budget), or the same rule to all.
 */
public interface StoppingPolicy {

    /** The level every rule of this policy decides about. */
    double level();

    /** The run budget of one point. */
    int maxRuns();

    /** The rule of the {@code decision}-th point the search opens (1-based). */
    StoppingRule ruleForDecision(int decision);

    /** One line for result files and reports. */
    String describe();

    /** The exact rule (the default of issue 11) for every decision: no error is added. */
    static StoppingPolicy exact(double level, int maxRuns) {
        return new Exact(new ExactStoppingRule(level, maxRuns));
    }

    /**
     * The anytime-valid SPRT of p0 against p1 ({@link SprtStoppingRule}), with the search's
     * total error α split over its decisions as α_j = α · 6/(π² j²) for the j-th point it
     * opens. Σ_j α_j = α (Basel series), so the probability that any decision of the search is
     * wrong (a PASS at p ≤ p0 or a FAIL at p ≥ p1) is at most α by the union bound, however
     * many points the search ends up evaluating — neighbour checks and restarts included, so
     * no bound on their number is needed. The union bound holds although the points are
     * chosen adaptively because each decision uses runs of its own k, independent of the
     * outcomes that chose it, and its error bound holds conditionally on that choice. The
     * first decisions (bisection far from the threshold, decided in a few runs) get the larger
     * shares.
     */
    static StoppingPolicy anytime(double level, double p0, double p1, double alpha, int maxRuns) {
        return new Anytime(level, p0, p1, alpha, maxRuns);
    }

    /** See {@link StoppingPolicy#exact}. */
    record Exact(ExactStoppingRule rule) implements StoppingPolicy {
        public Exact {
            if (rule == null) {
                throw new IllegalArgumentException("rule must not be null");
            }
        }

        @Override
        public double level() {
            return rule.level();
        }

        @Override
        public int maxRuns() {
            return rule.maxRuns();
        }

        @Override
        public StoppingRule ruleForDecision(int decision) {
            if (decision < 1) {
                throw new IllegalArgumentException("decision must be positive: " + decision);
            }
            return rule;
        }

        @Override
        public String describe() {
            return rule.describe();
        }
    }

    /** See {@link StoppingPolicy#anytime}. */
    record Anytime(double level, double p0, double p1, double alpha, int maxRuns) implements StoppingPolicy {
        public Anytime {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
            }
            // The rule checks p0 < level < p1 and maxRuns.
            new SprtStoppingRule(level, p0, p1, alpha, maxRuns);
        }

        /** α_j = α · 6/(π² j²). */
        public double alphaOfDecision(int decision) {
            if (decision < 1) {
                throw new IllegalArgumentException("decision must be positive: " + decision);
            }
            return alpha * 6 / (Math.PI * Math.PI * (double) decision * decision);
        }

        @Override
        public StoppingRule ruleForDecision(int decision) {
            return new SprtStoppingRule(level, p0, p1, alphaOfDecision(decision), maxRuns);
        }

        @Override
        public String describe() {
            return "anytime SPRT p0=" + p0 + " p1=" + p1 + " total alpha=" + alpha
                    + " split 6/(pi^2 j^2), truncated at " + maxRuns;
        }
    }
}
