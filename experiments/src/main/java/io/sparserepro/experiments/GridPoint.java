package io.sparserepro.experiments;

import java.util.Map;

/**
 * One point of an experiment's parameter grid: its index in the canonical (row-major, first
 * axis slowest) enumeration, and every generator parameter at that point (fixed parameters
 * first, sorted by name, then the grid axes in declaration order).
 *
 * @param index  0-based position in {@link ExperimentSpec#gridPoints()}
 * @param values parameter name → value, unmodifiable, in the order above
 */
public record GridPoint(int index, Map<String, Object> values) {
}
