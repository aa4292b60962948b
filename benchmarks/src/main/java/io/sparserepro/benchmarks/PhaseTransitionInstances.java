package io.sparserepro.benchmarks;

import io.sparserepro.core.io.NpyFiles;
import io.sparserepro.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the instances of {@link PhaseTransitionBenchmark} as NPY files ({@code M_K_SEED_A.npy},
 * {@code _y.npy}, {@code _x.npy}) into the directory given as the only argument, for the
 * independent reference timings in {@code benchmarks/reference/} (numpy SEA₀, scikit-learn's
 * {@code lars_path}) on the same instances.
 */
public final class PhaseTransitionInstances {
    private PhaseTransitionInstances() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PhaseTransitionInstances DIRECTORY");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String size : new String[] {"250:25", "250:60", "250:80", "400:150"}) {
            PhaseTransitionBenchmark b = new PhaseTransitionBenchmark();
            b.size = size;
            b.solverName = "l1";
            b.setUp();
            Problem[] problems = b.problems();
            for (int i = 0; i < problems.length; i++) {
                String base = size.replace(':', '_') + "_" + (i + 1);
                NpyFiles.writeMatrix(directory.resolve(base + "_A.npy"), problems[i].operator().toDense());
                NpyFiles.writeVector(directory.resolve(base + "_y.npy"), problems[i].observations());
                NpyFiles.writeVector(directory.resolve(base + "_x.npy"), problems[i].truth());
            }
        }
    }
}
