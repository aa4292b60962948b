package io.sparserepro.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
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
 * varied parameters (cartesian product of named value lists), the solver variants to compare,
 * the number of runs per grid point, the metrics to record and a master seed.
 *
 * <p><b>Identity.</b> {@link #hash()} is the first 12 hex digits of the SHA-256 of
 * {@link #canonicalJson()}, in which every field has a fixed place, fixed parameters and
 * solver options are sorted by name, and grid axes, solvers and metrics keep their declared
 * order. The declaration's own files (trials.csv, summary.csv, run.json) live in
 * {@code results/<name>/<hash>/}.
 *
 * <p><b>Trials and seeds</b> (the one place the seed rule is defined). Grid points are
 * enumerated row-major (first axis slowest). The problem instance of run r at a grid point is
 * drawn from the seed {@link InstanceKey#seed(int)} of the point's {@link InstanceKey} —
 * (generator, every parameter value, master seed) — so an instance depends on what it is, not
 * on where the point sits in a grid: widening a grid, adding runs or adding a solver leaves
 * every existing instance, and so every stored trial, as it was. Every solver of the
 * declaration solves the same instance, so comparisons between solvers are paired. A trial
 * is stored under (instance, solver variant with all its options) in the shared
 * {@link TrialStore}, and any declaration that asks for it again reuses it.
 *
 * @param name       the experiment's name, a folder name: lowercase letters, digits, '-', '_', '.'
 * @param generator  a {@link GeneratorRegistry} name (checked against the registry when run)
 * @param parameters fixed generator parameters (values as in {@link ParameterValues})
 * @param grid       varied parameters: axis name → non-empty list of values, in declared order
 * @param solvers    solver variants with distinct labels, in declared order
 * @param runs       runs per grid point, ≥ 1
 * @param metrics    metric ids to record, distinct ({@link MetricRegistry}); the solve time is
 *                   always recorded
 * @param seed       the master seed (any 64-bit value)
 */
public record ExperimentSpec(String name, String generator, Map<String, Object> parameters,
                             Map<String, List<Object>> grid, List<SolverVariant> solvers, int runs,
                             List<String> metrics, long seed) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Column names of result files that no parameter or metric may take. */
    static final Set<String> RESERVED = Set.of("gridPoint", "run", "solver", "seed", "time_s", "diagnostics",
            "check", "trials", "variant", "metrics");

    private static final Set<String> FIELDS = Set.of("name", "generator", "parameters", "grid", "solvers", "runs",
            "metrics", "seed");

    public ExperimentSpec {
        Checks.requireNonNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9_.-]*") || name.equals(TrialStore.FOLDER)) {
            throw new IllegalArgumentException("name must be lowercase letters, digits, '-', '_' or '.' (and not '"
                    + TrialStore.FOLDER + "'): '" + name + "'");
        }
        Checks.requireNonNull("generator", generator);
        Checks.requireNonNull("parameters", parameters);
        Checks.requireNonNull("grid", grid);
        Map<String, Object> fixed = new TreeMap<>();
        parameters.forEach((k, v) -> fixed.put(checkName("parameter", k), ParameterValues.normalize(k, v)));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        grid.forEach((axis, values) -> {
            checkName("grid axis", axis);
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
            if (new HashSet<>(normalized).size() != normalized.size()) {
                throw new IllegalArgumentException("grid axis " + axis + " lists a value twice: " + normalized);
            }
            axes.put(axis, List.copyOf(normalized));
        });
        grid = Collections.unmodifiableMap(axes);
        solvers = List.copyOf(Checks.requireNonNull("solvers", solvers));
        Set<String> labels = new HashSet<>();
        for (SolverVariant s : solvers) {
            if (!labels.add(s.label())) {
                throw new IllegalArgumentException("solver labels must be distinct; '" + s.label()
                        + "' appears twice (give variants of one algorithm their own \"label\")");
            }
        }
        if (solvers.isEmpty()) {
            throw new IllegalArgumentException("solvers must not be empty");
        }
        Checks.requirePositive("runs", runs);
        metrics = List.copyOf(Checks.requireNonNull("metrics", metrics));
        if (metrics.isEmpty() || new HashSet<>(metrics).size() != metrics.size()) {
            throw new IllegalArgumentException("metrics must be a non-empty list of distinct metric names: " + metrics);
        }
        for (String m : metrics) {
            checkName("metric", m);
        }
        long points = 1;
        for (List<Object> values : grid.values()) {
            points *= values.size();
            if (points > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than 2^31 points");
            }
        }
        if (points * runs > Long.MAX_VALUE / 1024 / Math.max(1, solvers.size())) {
            throw new IllegalArgumentException("grid points × runs × solvers is too large: " + points + " × " + runs
                    + " × " + solvers.size());
        }
    }

    private static String checkName(String what, String name) {
        Checks.requireNonNull(what + " name", name);
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || RESERVED.contains(name)) {
            throw new IllegalArgumentException(what + " names must be identifiers other than " + RESERVED + ": '"
                    + name + "'");
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
    public ExperimentSpec withSolvers(List<SolverVariant> value) {
        return new ExperimentSpec(name, generator, parameters, grid, value, runs, metrics, seed);
    }

    /** A copy with another grid. */
    public ExperimentSpec withGrid(Map<String, List<Object>> value) {
        return new ExperimentSpec(name, generator, parameters, value, solvers, runs, metrics, seed);
    }

    /** A copy with another master seed. */
    public ExperimentSpec withSeed(long value) {
        return new ExperimentSpec(name, generator, parameters, grid, solvers, runs, metrics, value);
    }

    /** The solvers' labels, in declared order (the {@code solver} column of result files). */
    public List<String> labels() {
        return solvers.stream().map(SolverVariant::label).toList();
    }

    /** The declaration as a JSON tree with a fixed layout; see the class comment. */
    public ObjectNode canonicalJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("generator", generator);
        ObjectNode params = root.putObject("parameters");
        parameters.forEach((k, v) -> params.set(k, ParameterValues.toJson(v)));
        ArrayNode axes = root.putArray("grid");
        grid.forEach((axis, values) -> {
            ObjectNode a = axes.addObject();
            a.put("name", axis);
            ArrayNode vs = a.putArray("values");
            values.forEach(v -> vs.add(ParameterValues.toJson(v)));
        });
        ArrayNode s = root.putArray("solvers");
        solvers.forEach(v -> s.add(v.canonicalJson()));
        root.put("runs", runs);
        ArrayNode m = root.putArray("metrics");
        metrics.forEach(m::add);
        root.put("seed", seed);
        return root;
    }

    /**
     * The declaration written by {@link #canonicalJson()} (fields in any order, any spacing),
     * read back: {@code fromJson(spec.canonicalJson(), ..).equals(spec)}. This is how a
     * researcher re-runs an experiment with another grid, more runs or other solvers: print
     * the declaration, edit it, run it. {@code metrics} may be left out (the
     * {@link StandardMetrics#ALL} metrics); {@code seed} may not: a result's seed is never a silent default.
     * Solvers, generators and metrics are checked against registries when the declaration is
     * run ({@link ExperimentRunner}), or now with {@link #validate(Registries)}.
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
            if (!FIELDS.contains(field)) {
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
        JsonNode solverNodes = json.path("solvers");
        if (!solverNodes.isArray()) {
            throw new IllegalArgumentException(source + ": 'solvers' must be a list of algorithm names or solver objects");
        }
        List<SolverVariant> solvers = new ArrayList<>();
        for (int i = 0; i < solverNodes.size(); i++) {
            solvers.add(SolverVariant.fromJson(solverNodes.get(i), source + ": solvers[" + i + "]"));
        }
        List<String> metrics = new ArrayList<>();
        JsonNode metricNodes = json.path("metrics");
        if (metricNodes.isMissingNode()) {
            metrics.addAll(StandardMetrics.ALL.stream().map(Metric::id).toList());
        } else if (metricNodes.isArray()) {
            metricNodes.forEach(node -> metrics.add(text(node, source, "metrics[]")));
        } else {
            throw new IllegalArgumentException(source + ": 'metrics' must be a list of metric names");
        }
        JsonNode runs = json.path("runs");
        if (!runs.isIntegralNumber() || !runs.canConvertToInt()) {
            throw new IllegalArgumentException(source + ": 'runs' must be a whole number: " + runs);
        }
        JsonNode seed = json.path("seed");
        if (seed.isMissingNode()) {
            throw new IllegalArgumentException(source + ": 'seed' is missing; give the master seed as a whole number"
                    + " (the built-in experiments use " + BuiltInExperiments.SEED + ")");
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new IllegalArgumentException(source + ": 'seed' must be a whole number in the 64-bit range [-2^63, "
                    + "2^63 - 1]: " + seed);
        }
        try {
            return new ExperimentSpec(text(json.path("name"), source, "name"), text(json.path("generator"), source,
                    "generator"), parameters, grid, solvers, runs.intValue(), metrics, seed.longValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every name against {@code registries} — the generator and each grid point's
     * parameters, every solver variant with its options and inner solver, every metric — so a
     * bad declaration fails before any trial, with a message naming what is wrong.
     */
    public ExperimentSpec validate(Registries registries) {
        Checks.requireNonNull("registries", registries);
        registries.generators().get(generator);
        for (SolverVariant s : solvers) {
            registries.solvers().create(s);
        }
        for (String m : metrics) {
            registries.metrics().get(m);
        }
        int count = gridPointCount();
        for (int g = 0; g < count; g++) {
            GridPoint p = gridPoint(g);
            try {
                registries.generators().create(generator, p.values());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("experiment " + name + ", grid point " + g + " " + p.values() + ": "
                        + e.getMessage(), e);
            }
        }
        return this;
    }

    private static String text(JsonNode node, String source, String field) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(source + ": '" + field + "' must be a string: "
                    + (node.isMissingNode() ? "missing" : node.toString()));
        }
        return node.textValue();
    }

    private static Object scalar(JsonNode node, String source, String field) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new IllegalArgumentException(source + ": '" + field + "' is outside the 64-bit range: " + node);
            }
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
        return sha256Hex(declaration).substring(0, 12);
    }

    /** The SHA-256 of a JSON tree's compact text, in hex. */
    public static String sha256Hex(JsonNode json) {
        try {
            byte[] bytes = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + json, e);
        }
    }

    /** Grid point {@code index} (canonical order: first axis slowest), computed on demand. */
    public GridPoint gridPoint(int index) {
        Checks.requireInRange("grid point", index, 0, gridPointCount() - 1);
        List<String> axes = new ArrayList<>(grid.keySet());
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
        return new GridPoint(index, Collections.unmodifiableMap(values));
    }

    /** Every grid point, in canonical order. */
    public List<GridPoint> gridPoints() {
        List<GridPoint> points = new ArrayList<>();
        for (int g = 0; g < gridPointCount(); g++) {
            points.add(gridPoint(g));
        }
        return points;
    }

    /** The instance key of grid point {@code point}: what its problems are drawn from. */
    public InstanceKey instanceKey(GridPoint point) {
        return new InstanceKey(generator, point.values(), seed);
    }

    public int gridPointCount() {
        int count = 1;
        for (List<Object> values : grid.values()) {
            count *= values.size();
        }
        return count;
    }

    /** Grid points × runs: the number of problem instances. */
    public long unitCount() {
        return (long) gridPointCount() * runs;
    }

    /** Grid points × runs × solvers. */
    public long trialCount() {
        return unitCount() * solvers.size();
    }

    /** The parameter names of every grid point, in column order (fixed sorted, then axes). */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(parameters.keySet());
        names.addAll(grid.keySet());
        return names;
    }

    /** Builds a declaration step by step; metrics default to {@link StandardMetrics#ALL}, seed to 1. */
    public static final class Builder {
        private final String name;
        private final String generator;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, List<Object>> grid = new LinkedHashMap<>();
        private final List<SolverVariant> solvers = new ArrayList<>();
        private int runs = 1;
        private List<String> metrics = StandardMetrics.ALL.stream().map(Metric::id).toList();
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

        /** Solvers by registered name, with default options. */
        public Builder solvers(String... names) {
            for (String n : names) {
                solvers.add(SolverVariant.of(n));
            }
            return this;
        }

        /** One solver variant. */
        public Builder solver(SolverVariant variant) {
            solvers.add(variant);
            return this;
        }

        public Builder runs(int value) {
            runs = value;
            return this;
        }

        public Builder metrics(String... ids) {
            metrics = List.of(ids);
            return this;
        }

        public Builder metrics(Metric... values) {
            metrics = java.util.Arrays.stream(values).map(Metric::id).toList();
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
