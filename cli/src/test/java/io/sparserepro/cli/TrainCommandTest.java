package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.unfolding.net.TrainedWeights;
import io.sparserepro.algorithms.unfolding.net.WeightsFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import io.sparserepro.core.problem.AmplitudeDistribution;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.ProblemGenerators;
import io.sparserepro.core.random.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparse-repro train} and the weights it writes, used by {@code solve --weights}. */
class TrainCommandTest {

    @Test
    void trainWritesWeightsThatSolveUses(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("w").resolve("omp-net.json");
        CliTestSupport.Result r = CliTestSupport.run("train", "omp-net", "--quick", "--epochs", "2", "--results",
                dir.toString(), "--threads", "2", "--weights-out", weights.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation OMP-Net"), r.out());
        assertTrue(r.out().contains("weights: " + weights), r.out());
        TrainedWeights w = WeightsFiles.read(weights, "omp-net", 256);
        assertEquals(2, w.recipe().epochs());
        Path run = dir.resolve("unfolding").resolve("fig3-quick").resolve("omp-net-2ep-seed2025");
        assertTrue(Files.isRegularFile(run.resolve("run.json")), "run folder " + run);

        // The same command again reuses the finished run.
        CliTestSupport.Result again = CliTestSupport.run("train", "omp-net", "--quick", "--epochs", "2",
                "--results", dir.toString(), "--weights-out", weights.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("reused"), again.out());

        // solve --algorithm omp-net --weights FILE on a real problem with N = 256 columns.
        Problem p = ProblemGenerators.gaussian(40, 256, 5, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO, 0,
                Seeds.rng(8));
        MatrixFiles.writeMatrix(dir.resolve("A.csv"), (DenseMatrix) p.operator());
        MatrixFiles.writeVector(dir.resolve("y.csv"), p.observations());
        CliTestSupport.Result solved = CliTestSupport.run("solve", "--matrix", dir.resolve("A.csv").toString(),
                "--observations", dir.resolve("y.csv").toString(), "--sparsity", "5", "--algorithm", "omp-net",
                "--weights", weights.toString());
        assertEquals(0, solved.code(), solved.err());

        // A problem of another size: the error names both sizes.
        Problem small = ProblemGenerators.gaussian(20, 60, 3, AmplitudeDistribution.UNIFORM_PLUS_MINUS_ONE_TO_TWO,
                0, Seeds.rng(9));
        MatrixFiles.writeMatrix(dir.resolve("B.csv"), (DenseMatrix) small.operator());
        MatrixFiles.writeVector(dir.resolve("z.csv"), small.observations());
        CliTestSupport.Result mismatch = CliTestSupport.run("solve", "--matrix", dir.resolve("B.csv").toString(),
                "--observations", dir.resolve("z.csv").toString(), "--sparsity", "3", "--algorithm", "omp-net",
                "--weights", weights.toString());
        assertNotEquals(0, mismatch.code());
        assertTrue(mismatch.err().contains("N = 60"), mismatch.err());
    }

    @Test
    void badArgumentsAreExplained(@TempDir Path dir) {
        CliTestSupport.Result unknown = CliTestSupport.run("train", "lista", "--results", dir.toString());
        assertNotEquals(0, unknown.code());
        assertTrue(unknown.err().contains("use omp-net or iht-net"), unknown.err());
        CliTestSupport.Result epochs = CliTestSupport.run("train", "iht-net", "--epochs", "0", "--results",
                dir.toString());
        assertNotEquals(0, epochs.code());
        assertTrue(epochs.err().contains("--epochs must be at least 1"), epochs.err());
        CliTestSupport.Result noWeights = CliTestSupport.run("solve", "--matrix", "A.csv", "--observations", "y.csv",
                "--sparsity", "3", "--algorithm", "iht-net");
        assertNotEquals(0, noWeights.code());
    }
}
