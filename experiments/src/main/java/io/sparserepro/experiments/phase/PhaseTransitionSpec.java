package io.sparserepro.experiments.phase;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declaration of a phase-transition experiment (SEA paper, Fig. 2): A Gaussian with
 * unit-norm columns, n fixed, ζ = m/n over a list, noiseless, x* with amplitudes from
 * {@code amplitudes}; for every (ζ, solver, level) the largest k whose success probability
 * is at least the level, found by a {@link ThresholdSearch} over k with at most
 * {@code maxRuns} runs per point.
 *
 * <p>Instances are those of the {@code gaussian} generator at parameters (n, m, k,
 * amplitudes, noise = 0) under {@code seed}: any search, level or later declaration that
 * visits the same (m, k) reuses the stored trials.
 *
 * @param name          the experiment's name (folder)
 * @param n             columns of A
 * @param zetas         the values of ζ = m/n, each in (0, 1]
 * @param solvers       the solver variants, labels distinct
 * @param successMetric label → the 0/1 metric that defines success (absent: {@code success},
 *                      exact support recovery; ℓ1 uses {@code exactRecovery}, basis-pursuit success)
 * @param levels        the success levels searched (0.95 for the paper's curves, 0.5 for the literature's)
 * @param maxRuns       runs per point (1000 in the paper)
 * @param minBatch      the fewest runs asked for a point in one round
 * @param rules         per level, {@code exact} (the verdict is the one all maxRuns runs would give:
 *                      the paper's rule for its 95% curves) or {@code anytime} (an SPRT of
 *                      level ± halfWidth, error α split over the searches and their decisions:
 *                      at 50% the exact rule needs 500 runs at every point, this one a few dozen far
 *                      from the threshold)
 * @param halfWidths    per level, the anytime rule's half-width (ignored by the exact rule)
 * @param alpha         the anytime rules' total error
 * @param amplitudes    the amplitude distribution's name
 * @param pairs         [ALG label, SEA_ALG label]: compared instance by instance in the report
 * @param pairedOnly    labels of solvers run only for the pairs, without a threshold search
 * @param seed          the master seed
 */
public record PhaseTransitionSpec(String name, int n, List<Double> zetas, List<SolverVariant> solvers,
                                  Map<String, String> successMetric, List<Double> levels, int maxRuns, int minBatch,
                                  List<String> rules, List<Double> halfWidths, double alpha, String amplitudes,
                                  List<List<String>> pairs,
                                  List<String> pairedOnly, long seed) {

    public PhaseTransitionSpec {
        Checks.requireNonNull("name", name);
        Checks.requirePositive("n", n);
        zetas = List.copyOf(zetas);
        for (double z : zetas) {
            if (!(z > 0 && z <= 1) || Math.round(z * n) < 1) {
                throw new IllegalArgumentException("every zeta must be in (0, 1] with m = round(zeta·n) ≥ 1: " + z);
            }
        }
        solvers = List.copyOf(solvers);
        Set<String> labels = new HashSet<>();
        for (SolverVariant s : solvers) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("solver labels must be distinct: '" + s.label() + "' twice");
            }
        }
        successMetric = Map.copyOf(successMetric);
        for (String label : successMetric.keySet()) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("successMetric names an unknown solver label '" + label + "'");
            }
        }
        levels = List.copyOf(levels);
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("levels must be in (0, 1): " + level);
            }
        }
        Checks.requirePositive("maxRuns", maxRuns);
        Checks.requirePositive("minBatch", minBatch);
        rules = List.copyOf(rules);
        halfWidths = List.copyOf(halfWidths);
        if (rules.size() != levels.size() || halfWidths.size() != levels.size()) {
            throw new IllegalArgumentException("rules and halfWidths need one entry per level: " + levels.size()
                    + " levels, " + rules.size() + " rules, " + halfWidths.size() + " half-widths");
        }
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            if (!rule.equals("exact") && !rule.equals("anytime")) {
                throw new IllegalArgumentException("rule must be 'exact' or 'anytime': '" + rule + "'");
            }
            double level = levels.get(i);
            double h = halfWidths.get(i);
            if (rule.equals("anytime") && !(h > 0 && level - h > 0 && level + h < 1)) {
                throw new IllegalArgumentException("halfWidth must keep level ± halfWidth in (0, 1): " + h);
            }
        }
        if (rules.contains("anytime") && !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) for the anytime rule: " + alpha);
        }
        Checks.requireNonNull("amplitudes", amplitudes);
        pairs = pairs.stream().map(List::copyOf).toList();
        pairedOnly = List.copyOf(pairedOnly);
        for (String label : pairedOnly) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("pairedOnly names an unknown solver label '" + label + "'");
            }
        }
        for (List<String> pair : pairs) {
            if (pair.size() != 2 || !labels.contains(pair.get(0)) || !labels.contains(pair.get(1))) {
                throw new IllegalArgumentException("each pair must be [ALG label, SEA label] of declared solvers: "
                        + pair);
            }
        }
    }

    /** Whether {@code label} gets threshold searches (not only paired comparisons). */
    public boolean searched(String label) {
        return !pairedOnly.contains(label);
    }

    /** m = round(ζ·n). */
    public int rows(double zeta) {
        return (int) Math.round(zeta * n);
    }

    /** The metric that defines success for {@code label}. */
    public String successMetricOf(String label) {
        return successMetric.getOrDefault(label, "success");
    }

    /** The stopping policy of a search at the {@code i}-th level (α split evenly over every search). */
    public StoppingPolicy policy(int i) {
        double level = levels.get(i);
        double h = halfWidths.get(i);
        return rules.get(i).equals("exact") ? StoppingPolicy.exact(level, maxRuns)
                : StoppingPolicy.anytime(level, level - h, level + h, alpha / (zetas.size() * solvers.size()
                * levels.size()), maxRuns);
    }

    /** Every field in a fixed layout (success metrics and options sorted): what the hash covers. */
    public ObjectNode canonicalJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("name", name);
        root.put("kind", "phase-transition");
        root.put("generator", "gaussian");
        root.put("n", n);
        ArrayNode z = root.putArray("zetas");
        zetas.forEach(z::add);
        ArrayNode s = root.putArray("solvers");
        solvers.forEach(v -> s.add(v.canonicalJson()));
        ObjectNode metrics = root.putObject("successMetric");
        new java.util.TreeMap<>(successMetric).forEach(metrics::put);
        ArrayNode l = root.putArray("levels");
        levels.forEach(l::add);
        root.put("maxRuns", maxRuns);
        root.put("minBatch", minBatch);
        ArrayNode r = root.putArray("rules");
        rules.forEach(r::add);
        ArrayNode h = root.putArray("halfWidths");
        halfWidths.forEach(h::add);
        root.put("alpha", alpha);
        root.put("amplitudes", amplitudes);
        ArrayNode p = root.putArray("pairs");
        pairs.forEach(pair -> p.addArray().add(pair.get(0)).add(pair.get(1)));
        ArrayNode only = root.putArray("pairedOnly");
        pairedOnly.forEach(only::add);
        root.put("seed", seed);
        return root;
    }

    /** The 12-hex-digit identity of this declaration. */
    public String hash() {
        return ExperimentSpec.sha256Hex(canonicalJson()).substring(0, 12);
    }

    /** The generator parameters of the instances at (m, k). */
    public Map<String, Object> instanceParameters(int m, int k) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", (long) n);
        params.put("m", (long) m);
        params.put("k", (long) k);
        params.put("amplitudes", amplitudes);
        params.put("noise", 0.0);
        return params;
    }
}
