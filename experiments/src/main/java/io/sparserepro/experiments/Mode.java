package io.sparserepro.experiments;

/**
 * The two sizes of a built-in experiment: {@link #QUICK} (minutes, same shape) and
 * {@link #FULL} (paper scale).
 */
public enum Mode {
    QUICK,
    FULL;

    /** {@code quick} or {@code full}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
