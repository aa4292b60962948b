package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declaration of a one-instance experiment: every solver's estimate (and trace, when its
 * options record one) on run {@code run} of the instance key (generator, parameters, master
 * seed) — exactly the instance that run {@code run} of a grid experiment at the same point
 * solves ({@link InstanceKey#seed(int)}), so a figure of one instance (SEA paper, Fig. 3) shows
 * a trial of the averaged figure (Fig. 4). Written by {@link InstanceExperiment}.
 *
 * @param name       a folder name: lowercase letters, digits, '-', '_', '.'
 * @param generator  a {@link GeneratorRegistry} name
 * @param parameters every generator parameter
 * @param solvers    solver variants with distinct labels
 * @param run        which run of the instance key, ≥ 0
 * @param seed       the master seed
 */
public record InstanceSpec(String name, String generator, Map<String, Object> parameters,
                           List<SolverVariant> solvers, int run, long seed) {
    public InstanceSpec {
        Checks.requireNonNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*") || name.equals(TrialStore.FOLDER)) {
            throw new IllegalArgumentException("name must be lowercase letters, digits, '-', '_' or '.' (and not '"
                    + TrialStore.FOLDER + "'): '" + name + "'");
        }
        Checks.requireNonNull("generator", generator);
        parameters = Map.copyOf(Checks.requireNonNull("parameters", parameters));
        solvers = List.copyOf(Checks.requireNonNull("solvers", solvers));
        if (solvers.isEmpty()) {
            throw new IllegalArgumentException("solvers must not be empty");
        }
        Set<String> labels = new HashSet<>();
        for (SolverVariant s : solvers) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("solver labels must be distinct; '" + s.label() + "' appears twice");
            }
        }
        Checks.requireNonNegative("run", run);
    }

    /** The instance key the problem is drawn from. */
    public InstanceKey instanceKey() {
        return new InstanceKey(generator, parameters, seed);
    }

    /** The declaration as JSON with a fixed layout (parameters sorted), for run.json and the hash. */
    public ObjectNode canonicalJson() {
        ObjectNode root = ExperimentSpec.JSON.createObjectNode();
        root.put("name", name);
        root.put("kind", "instance");
        root.put("generator", generator);
        ObjectNode params = root.putObject("parameters");
        instanceKey().parameters().forEach((k, v) -> params.set(k, ParameterValues.toJson(v)));
        ArrayNode s = root.putArray("solvers");
        solvers.forEach(v -> s.add(v.canonicalJson()));
        root.put("run", run);
        root.put("seed", seed);
        return root;
    }

    /** The 12-hex-digit identity: the folder {@code results/<name>/<hash>/}. */
    public String hash() {
        return ExperimentSpec.hashOf(canonicalJson());
    }

    /** The solvers' labels, in declared order. */
    public List<String> labels() {
        return solvers.stream().map(SolverVariant::label).toList();
    }
}
