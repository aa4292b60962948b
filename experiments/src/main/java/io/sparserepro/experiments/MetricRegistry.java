package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Metric names → metrics, open like the solver registry: a user adds a metric with
 * {@link #with} and passes the registry to the runner ({@link Registries}). The measured
 * solve time is not a metric: every trial records it (as {@code time_s}).
 */
public final class MetricRegistry {
    private final Map<String, Metric> metrics;

    private MetricRegistry(Map<String, Metric> metrics) {
        this.metrics = Collections.unmodifiableMap(metrics);
    }

    /** An empty registry. */
    public static MetricRegistry empty() {
        return new MetricRegistry(new LinkedHashMap<>());
    }

    /** The suite's metrics ({@link StandardMetrics#ALL}, then {@link LocalisationMetrics#ALL}). */
    public static MetricRegistry defaults() {
        MetricRegistry registry = empty();
        for (Metric m : StandardMetrics.ALL) {
            registry = registry.with(m);
        }
        for (Metric m : LocalisationMetrics.ALL) {
            registry = registry.with(m);
        }
        return registry;
    }

    /** A copy that also knows {@code metric} (replacing one of the same id). */
    public MetricRegistry with(Metric metric) {
        Checks.requireNonNull("metric", metric);
        if (ExperimentSpec.RESERVED.contains(metric.id())) {
            throw new IllegalArgumentException("metric id '" + metric.id() + "' is a reserved column name "
                    + ExperimentSpec.RESERVED);
        }
        Map<String, Metric> copy = new LinkedHashMap<>(metrics);
        copy.put(metric.id(), metric);
        return new MetricRegistry(copy);
    }

    /** The metric {@code id}, or an error listing the known ids. */
    public Metric get(String id) {
        Metric m = metrics.get(Checks.requireNonNull("metric", id));
        if (m == null) {
            throw new IllegalArgumentException("unknown metric '" + id + "'; known metrics: "
                    + String.join(", ", metrics.keySet()));
        }
        return m;
    }

    public boolean contains(String id) {
        return metrics.containsKey(id);
    }

    /** The ids in registration order. */
    public Set<String> ids() {
        return metrics.keySet();
    }
}
