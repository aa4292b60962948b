package io.sparserepro.algorithms.unfolding.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve --algorithm omp-net|iht-net --weights FILE}: the registered solvers of trained weights. */
class TrainedNetworkSolverTest {
    private static final SolverRegistry REGISTRY = SolverRegistry.defaults();
    private static final int N = 40;

    private static Path weightsFile(Path dir, String network, double[] w, Map<String, Object> configuration) {
        Path file = dir.resolve(network + ".json");
        WeightsFiles.write(file, new TrainedWeights(network, w.length, configuration, w,
                TrainingRecipe.SelectionRule.BEST_VALIDATION_EVERY_EPOCH, 3, 0.5, TrainingRecipe.paper(), null,
                Instant.parse("2026-12-01T00:00:00Z")));
        return file;
    }

    private static double[] weights() {
        double[] w = new double[N];
        for (int j = 0; j < N; j++) {
            w[j] = j % 3 == 0 ? -1.5 : 0.25 + 0.01 * j; // negative entries: only |w| enters
        }
        return w;
    }

    private static SparseSolver solver(String name, Path file) {
        return REGISTRY.create(SolverVariant.of(name).withOption("weights", file.toString()));
    }

    @Test
    void ompNetIsSoftOmpWithTheTrainedWeightsAndConfiguration(@TempDir Path dir) {
        Problem p = ProblemGenerators.gaussian(20, N, 4, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(3));
        Path file = weightsFile(dir, "omp-net", weights(), Map.of("layers", 6, "tau", 0.02));
        SparseResult net = solver("omp-net", file).solve(p);
        SparseResult reference = new SoftOmp(SoftOmp.Options.defaults().withTau(0.02).withIterations(6)
                .withWeights(weights())).solve(p);
        // The same code path with the same inputs: equal bits.
        assertArrayEquals(reference.estimate(), net.estimate());
    }

    @Test
    void ihtNetIsSoftIhtWithTheTrainedWeightsAndConfiguration(@TempDir Path dir) {
        Problem p = ProblemGenerators.gaussian(24, N, 3, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(4));
        Path file = weightsFile(dir, "iht-net", weights(), Map.of("layers", 12, "tau", 0.05, "step", 0.4));
        SparseResult net = solver("iht-net", file).solve(p);
        SparseResult reference = new SoftIht(SoftIht.Options.defaults().withTau(0.05).withIterations(12)
                .withStep(0.4).withWeights(weights())).solve(p);
        assertArrayEquals(reference.estimate(), net.estimate());
    }

    @Test
    void badWeightsFilesAreExplained(@TempDir Path dir) throws Exception {
        Problem p = ProblemGenerators.gaussian(20, N, 4, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(5));
        String noFile = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create(SolverVariant.of("omp-net")).solve(p)).getMessage();
        assertTrue(noFile.contains("--weights"), noFile);
        String missing = assertThrows(IllegalArgumentException.class,
                () -> solver("omp-net", dir.resolve("nope.json")).solve(p)).getMessage();
        assertTrue(missing.contains("nope.json"), missing);
        Path wrongLength = weightsFile(dir, "omp-net", new double[N + 1], Map.of("layers", 4, "tau", 1e-3));
        String length = assertThrows(IllegalArgumentException.class,
                () -> solver("omp-net", wrongLength).solve(p)).getMessage();
        assertTrue(length.contains("N = " + N), length);
        Path other = weightsFile(dir, "iht-net", weights(), Map.of("layers", 4, "tau", 1e-3, "step", 0.5));
        String network = assertThrows(IllegalArgumentException.class,
                () -> solver("omp-net", other).solve(p)).getMessage();
        assertTrue(network.contains("iht-net"), network);
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, Files.readString(weightsFile(dir, "omp-net", weights(), Map.of("layers", 4,
                "tau", 1e-3))).replaceFirst("\"weights\" : \\[ [^,]*,", "\"weights\" : [ NaN,"));
        assertThrows(IllegalArgumentException.class, () -> solver("omp-net", nan).solve(p));
        Path noLayers = weightsFile(dir, "iht-net", weights(), Map.of("tau", 1e-3));
        String layers = assertThrows(IllegalArgumentException.class,
                () -> solver("iht-net", noLayers).solve(p)).getMessage();
        assertTrue(layers.contains("layers"), layers);
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.create(SolverVariant.of("omp-net")
                .withOption("tau", -1.0)));
    }
}
