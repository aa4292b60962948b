package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.operators.SubsampledDct;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve --operator dct}: a matrix-free solve from the command line (issue 17). */
class SolveOperatorTest {
    @TempDir
    Path dir;

    @Test
    void solvesASubsampledDctProblemFromItsSeed() {
        // The user's side: y measured through the same seeded operator the CLI rebuilds.
        int n = 1 << 12;
        SubsampledDct a = SubsampledDct.sample(n, 512, 77);
        double[] truth = new double[n];
        int[] support = {5, 300, 1200, 2047, 4000};
        for (int s = 0; s < support.length; s++) {
            truth[support[s]] = s % 2 == 0 ? 1.5 : -2;
        }
        double[] y = new double[512];
        a.apply(truth, y);
        Path yFile = dir.resolve("y.npy");
        Path xFile = dir.resolve("x.npy");
        MatrixFiles.writeVector(yFile, y);
        CliTestSupport.Result r = CliTestSupport.run("solve", "--operator", "dct", "--n", Integer.toString(n),
                "--rows-seed", "77", "--observations", yFile.toString(), "--sparsity", "5", "--algorithm", "htp",
                "--output", xFile.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("support (5 indices, 0-based): 5 300 1200 2047 4000"), r.out());
        assertTrue(r.out().contains("operator: subsampled-dct n=4096 m=512") && r.out().contains("seed=77"), r.out());
        assertArrayEquals(truth, MatrixFiles.readVector(xFile), 1e-9);
    }

    @Test
    void badOperatorArgumentsAreOneLineUserErrors() {
        Path yFile = dir.resolve("y.npy");
        MatrixFiles.writeVector(yFile, new double[] {1, 2, 3, 4});
        String[][] bad = {
                {"--operator", "fft", "--n", "8", "--rows-seed", "1"},
                {"--operator", "dct", "--n", "8"},
                {"--operator", "dct", "--n", "12", "--rows-seed", "1"},
                {"--operator", "dct", "--n", "2", "--rows-seed", "1"},
        };
        String[] expected = {"--operator must be dct", "needs --n N, --rows-seed S", "--n must be a power of two",
                "more than --n = 2"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 7];
            args[0] = "solve";
            System.arraycopy(bad[i], 0, args, 1, bad[i].length);
            int at = bad[i].length + 1;
            args[at] = "--observations";
            args[at + 1] = yFile.toString();
            args[at + 2] = "--sparsity";
            args[at + 3] = "1";
            args[at + 4] = "--algorithm";
            args[at + 5] = "htp";
            args = java.util.Arrays.copyOf(args, at + 6);
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
    }
}
