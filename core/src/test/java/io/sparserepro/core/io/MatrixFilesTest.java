package io.sparserepro.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixFilesTest {
    @TempDir
    Path dir;

    private static final DenseMatrix M = DenseMatrix.fromRows(new double[][] {
        {1e-300, -0.0},
        {1.0 / 3.0, 7},
        {-2, 0.5},
    });

    @ParameterizedTest
    @ValueSource(strings = {"m.csv", "m.npy", "M.CSV", "data.v1.Npy"})
    void roundTripsThroughTheFormatTheExtensionNames(String name) {
        Path p = dir.resolve(name);
        MatrixFiles.writeMatrix(p, M);
        assertEquals(M, MatrixFiles.readMatrix(p));
        double[] v = {0.1, -0.0, 1e300};
        MatrixFiles.writeVector(p, v);
        assertArrayEquals(v, MatrixFiles.readVector(p));
    }

    @Test
    void extensionSelectsTheActualFileFormat() throws IOException {
        Path csv = dir.resolve("a.csv");
        Path npy = dir.resolve("a.npy");
        MatrixFiles.writeMatrix(csv, M);
        MatrixFiles.writeMatrix(npy, M);
        assertTrue(Files.readString(csv).startsWith("1.0E-300,-0.0\n"));
        assertEquals((byte) 0x93, Files.readAllBytes(npy)[0]);
        assertEquals(MatrixFiles.Format.CSV, MatrixFiles.Format.of(csv));
        assertEquals(MatrixFiles.Format.NPY, MatrixFiles.Format.of(npy));
    }

    @Test
    void rejectsUnsupportedExtensionsBeforeTouchingTheFile() {
        Path txt = dir.resolve("a.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixFiles.writeMatrix(txt, M));
        assertEquals("file " + txt + " has unsupported extension '.txt'; supported extensions are"
                + " .csv and .npy", e.getMessage());
        assertTrue(Files.notExists(txt));
        Path bare = dir.resolve("matrix");
        assertEquals("file " + bare + " has no extension; supported extensions are .csv and .npy",
                assertThrows(IllegalArgumentException.class, () -> MatrixFiles.readVector(bare))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatrixFiles.readMatrix(null));
    }

    @Test
    void formatErrorsPassThroughWithTheFileName() throws IOException {
        Path p = dir.resolve("wrong.npy");
        Files.writeString(p, "1,2\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> MatrixFiles.readMatrix(p));
        assertTrue(e.getMessage().startsWith("file " + p + ": bytes 0-3 are 31 2c 32 0a, not the NPY magic"), e.getMessage());
    }
}
