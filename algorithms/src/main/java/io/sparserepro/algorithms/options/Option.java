package io.sparserepro.algorithms.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a solver's options record for users who choose options as data
 * (declarations, {@code solve --option NAME=VALUE}, {@code list algorithms --options}): what
 * the option means and where its default comes from. Read by reflection once per options
 * class, never on a solve path.
 *
 * <pre>{@code
 * public record Options(
 *         @Option(value = "T, the number of iterations", origin = Option.Origin.RECONSTRUCTED)
 *         int maxIterations, ...) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {

    /** What the option means, in one sentence (units, and what a larger value does). */
    String value();

    /** Where the default value comes from. */
    Origin origin() default Origin.IMPLEMENTATION;

    /** The paper, section or equation the default is quoted from or reconstructed after, if any. */
    String source() default "";

    /** Where an option's default value comes from. */
    enum Origin {
        /** Stated in the paper the algorithm comes from ({@link #source()} says where). */
        PAPER,
        /** Not stated in the paper: chosen here to reproduce it as faithfully as possible. */
        RECONSTRUCTED,
        /** An implementation choice (numerical safeguard, diagnostics) that the papers do not discuss. */
        IMPLEMENTATION
    }
}
