package io.sparserepro.cli;

import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny problem shipped in {@code examples/}: a 25×60 Gaussian matrix with unit-norm
 * columns, a 4-sparse x* with amplitudes ±[1, 2], no noise, seed 2024 — the setting of the
 * papers' Gaussian experiments at a size that reads at a glance. {@code ExamplesTest} checks
 * that the shipped files are exactly what this writes; to write them again run
 * {@code mvn -B -ntp test -pl cli -am -Dtest=ExamplesTest -Dexamples.regenerate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
final class ExampleFiles {
    static final int M = 25;
    static final int N = 60;
    static final int K = 4;
    static final long SEED = 2024;

    private ExampleFiles() {
    }

    static Problem problem() {
        return ProblemGenerators.gaussian(M, N, K, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(SEED));
    }

    /** Writes A.csv, y.csv and support.csv (the true support and coefficients) into {@code folder}. */
    static void write(Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        Problem p = problem();
        MatrixFiles.writeMatrix(folder.resolve("A.csv"), (DenseMatrix) p.operator());
        MatrixFiles.writeVector(folder.resolve("y.csv"), p.observations());
        AtomicFiles.writeText(folder.resolve("support.csv"), SolveCommand.supportTable(p.trueSupport(), p.truth()));
    }
}
