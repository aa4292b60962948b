package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import io.sparserepro.core.random.Seeds;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the problem instances of one grid point are drawn from: the generator, every
 * parameter value, and the master seed. Run r's instance is drawn from {@link #seed(int)}.
 *
 * <p><b>Seed rule</b> (part of the reproducibility contract). With {@code id} the SHA-256 of
 * {@link #json()} (compact JSON: generator, parameters sorted by name, master seed) and
 * {@code point} its first 8 bytes read as a big-endian long,
 * {@code seed(r) = Seeds.trialSeed(masterSeed, point, r)}. The seed of an instance depends on
 * what the instance is and never on a grid index, so a trial can be reused by any declaration
 * that asks for the same instance. (Before version 0.1.0 the seed was keyed on the grid point's
 * <em>index</em>, {@code trialSeed(master, g, r)}, which made every widened grid recompute
 * everything; seeds changed once, with the trial store.) Parameter values keep their types:
 * {@code k = 5} and {@code k = 5.0} are different instances, as they are different
 * declarations.
 */
public final class InstanceKey {
    private final String generator;
    private final SortedMap<String, Object> parameters;
    private final long masterSeed;
    private final String id;
    private final long point;

    public InstanceKey(String generator, Map<String, Object> parameters, long masterSeed) {
        this.generator = Checks.requireNonNull("generator", generator);
        TreeMap<String, Object> copy = new TreeMap<>();
        Checks.requireNonNull("parameters", parameters)
                .forEach((k, v) -> copy.put(k, ParameterValues.normalize(k, v)));
        this.parameters = Collections.unmodifiableSortedMap(copy);
        this.masterSeed = masterSeed;
        this.id = ExperimentSpec.sha256Hex(json()).substring(0, 16);
        this.point = Long.parseUnsignedLong(id, 16);
    }

    public String generator() {
        return generator;
    }

    /** Every parameter value of the point, sorted by name. */
    public SortedMap<String, Object> parameters() {
        return parameters;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The key as JSON: {@code {"generator": ..., "parameters": {sorted}, "seed": ...}}. */
    public ObjectNode json() {
        ObjectNode node = ExperimentSpec.JSON.createObjectNode();
        node.put("generator", generator);
        ObjectNode params = node.putObject("parameters");
        parameters.forEach((k, v) -> params.set(k, ParameterValues.toJson(v)));
        node.put("seed", masterSeed);
        return node;
    }

    /** The first 16 hex digits of the SHA-256 of {@link #json()}: the point's folder name in the store. */
    public String id() {
        return id;
    }

    /** The seed of run {@code run}'s instance; see the class comment. */
    public long seed(int run) {
        Checks.requireNonNegative("run", run);
        return Seeds.trialSeed(masterSeed, point, run);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceKey other && other.id.equals(id) && other.json().equals(json());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return generator + " " + parameters + " seed " + masterSeed;
    }
}
