package io.sparserepro.experiments.regression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declaration of a regression (model-selection) experiment: for every data set and every
 * k in [kMin, kMax] (capped at the number of features), every solver fits a k-sparse linear
 * model on the standardised training samples of a seeded split.
 *
 * @param name         the experiment's name (its folder under the results root)
 * @param dataDir      where the data files are (not part of the identity: the files' SHA-256 are)
 * @param datasets     the data sets, in figure order
 * @param kMin         smallest k, ≥ 1
 * @param kMax         largest k, ≥ kMin
 * @param solvers      the solvers, distinct labels
 * @param testFraction share of the samples held out for the test error, in [0, 1)
 * @param seed         the split's seed (and the subsample's)
 * @param maxSamples   a data set with more samples is first subsampled to this many (seeded), ≥ 2
 */
public record RegressionSpec(String name, Path dataDir, List<DatasetCatalog.Entry> datasets, int kMin, int kMax,
                             List<SolverVariant> solvers, double testFraction, long seed, int maxSamples) {
    public RegressionSpec {
        Checks.requireNonNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("name must be lowercase letters, digits, '-', '_' or '.': '" + name + "'");
        }
        Checks.requireNonNull("dataDir", dataDir);
        datasets = List.copyOf(Checks.requireNonNull("datasets", datasets));
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets must not be empty");
        }
        Checks.requirePositive("kMin", kMin);
        if (kMax < kMin) {
            throw new IllegalArgumentException("kMax must be at least kMin = " + kMin + ": " + kMax);
        }
        solvers = List.copyOf(Checks.requireNonNull("solvers", solvers));
        if (solvers.isEmpty()) {
            throw new IllegalArgumentException("solvers must not be empty");
        }
        Set<String> labels = new HashSet<>();
        for (SolverVariant s : solvers) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("solver labels must be distinct: '" + s.label() + "' twice");
            }
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in [0, 1): " + testFraction);
        }
        if (maxSamples < 2) {
            throw new IllegalArgumentException("maxSamples must be at least 2: " + maxSamples);
        }
    }

    /** A copy with other data sets. */
    public RegressionSpec withDatasets(List<DatasetCatalog.Entry> value) {
        return new RegressionSpec(name, dataDir, value, kMin, kMax, solvers, testFraction, seed, maxSamples);
    }

    /** A copy with another k range. */
    public RegressionSpec withK(int min, int max) {
        return new RegressionSpec(name, dataDir, datasets, min, max, solvers, testFraction, seed, maxSamples);
    }

    /** The declaration as JSON (without the data files' hashes, which the runner adds). */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name);
        ArrayNode ds = node.putArray("datasets");
        for (DatasetCatalog.Entry e : datasets) {
            ObjectNode d = ds.addObject();
            d.put("name", e.name());
            d.put("file", e.file());
            d.put("format", e.format().name().toLowerCase(java.util.Locale.ROOT));
            if (e.target() != null) {
                d.put("target", e.target());
            }
            if (!e.exclude().isEmpty()) {
                ArrayNode ex = d.putArray("exclude");
                e.exclude().stream().sorted().forEach(ex::add);
            }
        }
        node.put("kMin", kMin);
        node.put("kMax", kMax);
        ArrayNode s = node.putArray("solvers");
        solvers.forEach(v -> s.add(v.canonicalJson()));
        node.put("testFraction", testFraction);
        node.put("seed", seed);
        node.put("maxSamples", maxSamples);
        return node;
    }
}
