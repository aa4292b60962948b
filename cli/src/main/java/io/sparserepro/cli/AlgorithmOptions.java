package io.sparserepro.cli;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import java.util.List;

/** {@code --option NAME=VALUE} (and {@code inner.NAME=VALUE}) into a solver variant. */
final class AlgorithmOptions {
    private AlgorithmOptions() {
    }

    /** The variant of {@code algorithm} with {@code options} set, each checked against its type. */
    static SolverVariant variant(SolverRegistry registry, String algorithm, List<String> options) {
        SolverVariant variant = SolverVariant.of(algorithm);
        registry.options(algorithm); // an unknown algorithm is reported before its options
        SolverVariant inner = null;
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--option must be NAME=VALUE, e.g. maxIterations=3000: '" + option
                        + "'");
            }
            String name = option.substring(0, eq).trim();
            String text = option.substring(eq + 1);
            if (name.startsWith("inner.")) {
                String innerName = registry.defaultInner(algorithm);
                if (!registry.isPostProcessor(algorithm) || innerName == null) {
                    throw new IllegalArgumentException("--option " + option + ": " + algorithm
                            + " runs after no other solver; 'inner.' options apply to sea-omp, sea-els, sea-htp");
                }
                String innerOption = name.substring("inner.".length());
                inner = (inner == null ? SolverVariant.of(innerName) : inner)
                        .withOption(innerOption, registry.parseOption(innerName, innerOption, text));
            } else {
                variant = variant.withOption(name, registry.parseOption(algorithm, name, text));
            }
        }
        return inner == null ? variant : variant.withInner(inner);
    }
}
