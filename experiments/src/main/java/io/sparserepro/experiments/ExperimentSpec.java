package io.sparserepro.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.ProblemGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The declaration of an experiment: a problem generator with its fixed parameters, a grid of
 * varied parameters (cartesian product of named value lists), the solvers to compare, the
 * number of runs per grid point, the metrics to record and a master seed.
 *
 * <p><b>Identity.</b> {@link #hash()} is the first 12 hex digits of the SHA-256 of
 * {@link #canonicalJson()}, in which every field has a fixed place, fixed parameters are
 * sorted by name, and grid axes, solvers and metrics keep their declared order (it defines
 * the trial order). Results live in {@code results/<name>/<hash>/}: changing anything in the
 * declaration starts a fresh folder, and nothing from another declaration is ever mixed in.
 *
 * <p><b>Trials.</b> Grid points are enumerated row-major (first axis slowest). The unit
 * (grid point g, run r) has canonical index u = g·runs + r and seed
 * {@code Seeds.trialSeed(seed, g, r)}; its problem is drawn once from that seed and solved by
 * every solver, in declared order, so comparisons between solvers are paired.
 *
 * @param name       the experiment's name, a folder name: lowercase letters, digits, '-', '_', '.'
 * @param generator  a {@link Generators} name
 * @param parameters fixed generator parameters (values as in {@link ParameterValues})
 * @param grid       varied parameters: axis name → non-empty list of values, in declared order
 * @param solvers    solver registry names, distinct, in declared order
 * @param runs       runs per grid point, ≥ 1
 * @param metrics    metrics to record, distinct ({@link Metric#TIME} is always recorded)
 * @param seed       the master seed
 */
public record ExperimentSpec(String name, String generator, Map<String, Object> parameters,
                             Map<String, List<Object>> grid, List<String> solvers, int runs,
                             List<Metric> metrics, long seed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Column names of result files that no parameter may take. */
    static final Set<String> RESERVED = Set.of("gridPoint", "run", "solver", "seed", "time", "diagnostics",
            "check", "trials");

    public ExperimentSpec {
        Checks.requireNonNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "name must be lowercase letters, digits, '-', '_' or '.': '" + name + "'");
        }
        Generators.requireKnown(Checks.requireNonNull("generator", generator));
        Checks.requireNonNull("parameters", parameters);
        Checks.requireNonNull("grid", grid);
        Map<String, Object> fixed = new TreeMap<>();
        parameters.forEach((k, v) -> fixed.put(checkParameterName(k), ParameterValues.normalize(k, v)));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        grid.forEach((axis, values) -> {
            checkParameterName(axis);
            if (fixed.containsKey(axis)) {
                throw new IllegalArgumentException("grid axis " + axis + " is also a fixed parameter");
            }
            Checks.requireNonNull("grid." + axis, values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid axis " + axis + " must have at least one value");
            }
            List<Object> normalized = new ArrayList<>();
            for (Object v : values) {
                normalized.add(ParameterValues.normalize("grid." + axis, v));
            }
            axes.put(axis, List.copyOf(normalized));
        });
        grid = Collections.unmodifiableMap(axes);
        solvers = List.copyOf(Checks.requireNonNull("solvers", solvers));
        if (solvers.isEmpty() || new HashSet<>(solvers).size() != solvers.size()) {
            throw new IllegalArgumentException("solvers must be a non-empty list of distinct names: " + solvers);
        }
        Checks.requirePositive("runs", runs);
        metrics = List.copyOf(Checks.requireNonNull("metrics", metrics));
        if (metrics.isEmpty() || new HashSet<>(metrics).size() != metrics.size()) {
            throw new IllegalArgumentException("metrics must be a non-empty list of distinct metrics: " + metrics);
        }
        long points = 1;
        for (List<Object> values : grid.values()) {
            points *= values.size();
        }
        if (points * runs > Integer.MAX_VALUE / Math.max(1, solvers.size())) {
            throw new IllegalArgumentException("grid points × runs × solvers must be below 2^31: "
                    + points + " × " + runs + " × " + solvers.size());
        }
    }

    private static String checkParameterName(String name) {
        Checks.requireNonNull("parameter name", name);
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || RESERVED.contains(name)) {
            throw new IllegalArgumentException("parameter names must be identifiers other than "
                    + RESERVED + ": '" + name + "'");
        }
        for (Metric m : Metric.values()) {
            if (m.id().equals(name)) {
                throw new IllegalArgumentException("parameter name '" + name + "' is a metric name");
            }
        }
        return name;
    }

    /** A builder, for declarations in code. */
    public static Builder builder(String name, String generator) {
        return new Builder(name, generator);
    }

    /** A copy with another run count. */
    public ExperimentSpec withRuns(int value) {
        return new ExperimentSpec(name, generator, parameters, grid, solvers, value, metrics, seed);
    }

    /** A copy with another solver list. */
    public ExperimentSpec withSolvers(List<String> value) {
        return new ExperimentSpec(name, generator, parameters, grid, value, runs, metrics, seed);
    }

    /** A copy with another master seed. */
    public ExperimentSpec withSeed(long value) {
        return new ExperimentSpec(name, generator, parameters, grid, solvers, runs, metrics, value);
    }

    /** The declaration as a JSON tree with a fixed layout; see the class comment. */
    public ObjectNode canonicalJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("generator", generator);
        ObjectNode params = root.putObject("parameters");
        parameters.forEach((k, v) -> put(params, k, v));
        ArrayNode axes = root.putArray("grid");
        grid.forEach((axis, values) -> {
            ObjectNode a = axes.addObject();
            a.put("name", axis);
            ArrayNode vs = a.putArray("values");
            values.forEach(v -> add(vs, v));
        });
        ArrayNode s = root.putArray("solvers");
        solvers.forEach(s::add);
        root.put("runs", runs);
        ArrayNode m = root.putArray("metrics");
        metrics.forEach(metric -> m.add(metric.id()));
        root.put("seed", seed);
        return root;
    }

    /**
     * The declaration written by {@link #canonicalJson()} (fields in any order), read back:
     * {@code fromJson(spec.canonicalJson()).equals(spec)}. This is how a researcher re-runs an
     * experiment with another grid, more runs or other solvers: print the declaration, edit
     * it, run it. {@code metrics} and {@code seed} may be left out (all metrics; seed 1).
     *
     * @param source where the JSON came from, for messages (e.g. the file name)
     */
    public static ExperimentSpec fromJson(JsonNode json, String source) {
        Checks.requireNonNull("json", json);
        Checks.requireNonNull("source", source);
        if (!json.isObject()) {
            throw new IllegalArgumentException(source + ": a declaration is a JSON object");
        }
        for (var names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!Set.of("name", "generator", "parameters", "grid", "solvers", "runs", "metrics", "seed").contains(field)) {
                throw new IllegalArgumentException(source + ": unknown field '" + field + "'; the fields are name, "
                        + "generator, parameters, grid, solvers, runs, metrics, seed");
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode params = json.path("parameters");
        if (!params.isMissingNode()) {
            if (!params.isObject()) {
                throw new IllegalArgumentException(source + ": 'parameters' must be an object of name: value");
            }
            params.fields().forEachRemaining(e -> parameters.put(e.getKey(), scalar(e.getValue(), source,
                    "parameters." + e.getKey())));
        }
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        JsonNode axes = json.path("grid");
        if (!axes.isMissingNode()) {
            if (!axes.isArray()) {
                throw new IllegalArgumentException(source + ": 'grid' must be a list of {\"name\": ..., \"values\": [...]}");
            }
            for (JsonNode axis : axes) {
                String axisName = text(axis.path("name"), source, "grid[].name");
                JsonNode values = axis.path("values");
                if (!values.isArray()) {
                    throw new IllegalArgumentException(source + ": grid axis " + axisName + " needs a 'values' list");
                }
                List<Object> list = new ArrayList<>();
                for (JsonNode v : values) {
                    list.add(scalar(v, source, "grid." + axisName));
                }
                if (grid.put(axisName, list) != null) {
                    throw new IllegalArgumentException(source + ": grid axis " + axisName + " appears twice");
                }
            }
        }
        List<String> solvers = new ArrayList<>();
        JsonNode solverNodes = json.path("solvers");
        if (!solverNodes.isArray()) {
            throw new IllegalArgumentException(source + ": 'solvers' must be a list of algorithm names");
        }
        solverNodes.forEach(node -> solvers.add(text(node, source, "solvers[]")));
        List<Metric> metrics = new ArrayList<>();
        JsonNode metricNodes = json.path("metrics");
        if (metricNodes.isMissingNode()) {
            metrics.addAll(List.of(Metric.values()));
        } else if (metricNodes.isArray()) {
            metricNodes.forEach(node -> metrics.add(Metric.fromId(text(node, source, "metrics[]"))));
        } else {
            throw new IllegalArgumentException(source + ": 'metrics' must be a list of metric names");
        }
        JsonNode runs = json.path("runs");
        if (!runs.canConvertToInt() || !runs.isIntegralNumber()) {
            throw new IllegalArgumentException(source + ": 'runs' must be a whole number: " + runs);
        }
        JsonNode seed = json.path("seed");
        if (!seed.isMissingNode() && !seed.isIntegralNumber()) {
            throw new IllegalArgumentException(source + ": 'seed' must be a whole number: " + seed);
        }
        return new ExperimentSpec(text(json.path("name"), source, "name"), text(json.path("generator"), source,
                "generator"), parameters, grid, solvers, runs.intValue(), metrics, seed.isMissingNode() ? 1 : seed.longValue());
    }

    private static String text(JsonNode node, String source, String field) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(source + ": '" + field + "' must be a string: "
                    + (node.isMissingNode() ? "missing" : node.toString()));
        }
        return node.textValue();
    }

    private static Object scalar(JsonNode node, String source, String field) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw new IllegalArgumentException(source + ": '" + field + "' must be a number, a string or a boolean: " + node);
    }

    /** The 12-hex-digit identity of this declaration; see the class comment. */
    public String hash() {
        return hashOf(canonicalJson());
    }

    /** The hash of a declaration tree as stored in a {@code run.json}. */
    static String hashOf(JsonNode declaration) {
        try {
            byte[] bytes = JSON.writeValueAsString(declaration).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the declaration", e);
        }
    }

    /** Every grid point, in canonical order (first axis slowest). */
    public List<GridPoint> gridPoints() {
        List<String> axes = new ArrayList<>(grid.keySet());
        int count = gridPointCount();
        List<GridPoint> points = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            Map<String, Object> values = new LinkedHashMap<>(parameters);
            int rest = index;
            Object[] chosen = new Object[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                List<Object> vs = grid.get(axes.get(a));
                chosen[a] = vs.get(rest % vs.size());
                rest /= vs.size();
            }
            for (int a = 0; a < axes.size(); a++) {
                values.put(axes.get(a), chosen[a]);
            }
            points.add(new GridPoint(index, Collections.unmodifiableMap(values)));
        }
        return points;
    }

    public int gridPointCount() {
        int count = 1;
        for (List<Object> values : grid.values()) {
            count *= values.size();
        }
        return count;
    }

    /** Grid points × runs: the number of problem instances. */
    public int unitCount() {
        return gridPointCount() * runs;
    }

    /** Grid points × runs × solvers. */
    public int trialCount() {
        return unitCount() * solvers.size();
    }

    /** The parameter names of every grid point, in column order (fixed sorted, then axes). */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(parameters.keySet());
        names.addAll(grid.keySet());
        return names;
    }

    /** One generator per grid point, validated now (so a bad parameter fails before any trial). */
    public List<ProblemGenerator> generators() {
        List<ProblemGenerator> generators = new ArrayList<>();
        for (GridPoint p : gridPoints()) {
            try {
                generators.add(Generators.create(generator, p.values()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("experiment " + name + ", grid point " + p.index() + " "
                        + p.values() + ": " + e.getMessage(), e);
            }
        }
        return generators;
    }

    private static void put(ObjectNode node, String key, Object v) {
        if (v instanceof Long) {
            node.put(key, (Long) v);
        } else if (v instanceof Double) {
            node.put(key, (Double) v);
        } else if (v instanceof Boolean) {
            node.put(key, (Boolean) v);
        } else {
            node.put(key, (String) v);
        }
    }

    private static void add(ArrayNode node, Object v) {
        if (v instanceof Long) {
            node.add((Long) v);
        } else if (v instanceof Double) {
            node.add((Double) v);
        } else if (v instanceof Boolean) {
            node.add((Boolean) v);
        } else {
            node.add((String) v);
        }
    }

    /** Builds a declaration step by step; metrics default to all of them, seed to 1. */
    public static final class Builder {
        private final String name;
        private final String generator;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, List<Object>> grid = new LinkedHashMap<>();
        private final List<String> solvers = new ArrayList<>();
        private int runs = 1;
        private List<Metric> metrics = List.of(Metric.values());
        private long seed = 1;

        private Builder(String name, String generator) {
            this.name = name;
            this.generator = generator;
        }

        public Builder parameter(String key, Object value) {
            parameters.put(key, value);
            return this;
        }

        public Builder axis(String key, Object... values) {
            grid.put(key, List.of(values));
            return this;
        }

        public Builder solvers(String... names) {
            solvers.addAll(List.of(names));
            return this;
        }

        public Builder runs(int value) {
            runs = value;
            return this;
        }

        public Builder metrics(Metric... values) {
            metrics = List.of(values);
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public ExperimentSpec build() {
            return new ExperimentSpec(name, generator, parameters, grid, solvers, runs, metrics, seed);
        }
    }
}
