package io.sparserepro.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path fixture() throws IOException {
        try (InputStream in = LibSvmFilesTest.class.getResourceAsStream("/libsvm/small.libsvm")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /libsvm/small.libsvm");
            }
            Path p = dir.resolve("small.libsvm");
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    /** What the fixture encodes, written out by hand. */
    private static final double[][] FIXTURE_FEATURES = {
        {0.5, 0, -2, 0, 0},
        {0, 1e-3, 0, 0, 4},
        {0, 0, 0, 1.5, 0},
        {0, 0, 0, 0, 0},
        {-0.0, 0.25, 3, 4, 5},
    };
    private static final double[] FIXTURE_LABELS = {1, -1, 0.25, 2, -1};

    @Test
    void readsFixtureWithCommentsGapsQidAndEmptySample() throws IOException {
        LibSvmData data = LibSvmFiles.read(fixture());
        assertEquals(5, data.samples());
        assertEquals(5, data.featureCount());
        assertEquals(DenseMatrix.fromRows(FIXTURE_FEATURES), data.features());
        assertArrayEquals(FIXTURE_LABELS, data.labels());
    }

    @Test
    void givenFeatureCountAddsTrailingZeroColumns() throws IOException {
        LibSvmData data = LibSvmFiles.read(fixture(), 8);
        assertEquals(8, data.featureCount());
        for (int i = 0; i < data.samples(); i++) {
            for (int j = 0; j < 8; j++) {
                double expected = j < 5 ? FIXTURE_FEATURES[i][j] : 0.0;
                assertEquals(expected, data.features().get(i, j), "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void sampleWithoutFeaturesNeedsAGivenCount() throws IOException {
        Path p = file("labels-only.libsvm", "1\n-1 # no features at all\n");
        assertMessage(assertThrows(DataFormatException.class, () -> LibSvmFiles.read(p)),
                "file " + p + ": no sample has any feature");
        LibSvmData data = LibSvmFiles.read(p, 3);
        assertEquals(DenseMatrix.zeros(2, 3), data.features());
    }

    // ------------------------------------------------------------ bad input

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part),
                    "message should contain \"" + part + "\": " + e.getMessage());
        }
    }

    /** Six good lines (one a comment, one blank), then {@code badLine} as line 7. */
    private Path withLine7(String badLine) throws IOException {
        return file("bad.libsvm", "# header comment\n1 1:1\n\n-1 2:2\n1 1:1 3:3\n-1 4:4\n" + badLine
                + "\n1 1:1\n");
    }

    private String errorOnLine7(String badLine) throws IOException {
        Path p = withLine7(badLine);
        String message = assertThrows(DataFormatException.class, () -> LibSvmFiles.read(p)).getMessage();
        assertTrue(message.startsWith("file " + p + ", line 7: "), message);
        return message.substring(("file " + p + ", line 7: ").length());
    }

    @Test
    void rejectsIndexZero() throws IOException {
        assertEquals("feature index 0 in '0:1.5' must be >= 1", errorOnLine7("1 0:1.5"));
    }

    @Test
    void rejectsNonIncreasingIndices() throws IOException {
        assertEquals("feature index 2 in '2:1' must be greater than the previous index 3 (indices"
                + " must increase within a line)", errorOnLine7("1 3:1 2:1"));
        assertEquals("feature index 3 in '3:2' must be greater than the previous index 3 (indices"
                + " must increase within a line)", errorOnLine7("1 3:1 3:2"));
    }

    @Test
    void rejectsUnparsableParts() throws IOException {
        assertEquals("cannot parse value 'x' in '2:x' as a number", errorOnLine7("1 2:x"));
        assertEquals("cannot parse value '' in '2:' as a number", errorOnLine7("1 2:"));
        assertEquals("feature index 'a' in 'a:1' is not an integer in [1, 2147483647]",
                errorOnLine7("1 a:1"));
        assertEquals("feature index '99999999999' in '99999999999:1' is not an integer in"
                + " [1, 2147483647]", errorOnLine7("1 99999999999:1"));
        assertEquals("cannot parse label 'yes' as a number", errorOnLine7("yes 1:1"));
        assertEquals("cannot parse label '1,2' as a number (multi-label lines are not supported)",
                errorOnLine7("1,2 1:1"));
        assertEquals("value 'NaN' in '1:NaN' is not finite; this suite rejects NaN and infinite data",
                errorOnLine7("1 1:NaN"));
        assertEquals("label 'Infinity' is not finite", errorOnLine7("Infinity 1:1"));
    }

    @Test
    void rejectsTokenWithoutColon() throws IOException {
        assertEquals("token '3' has no ':'; expected index:value", errorOnLine7("1 2:1 3"));
    }

    @Test
    void rejectsIndexBeyondGivenFeatureCount() throws IOException {
        Path p = withLine7("1 5:1");
        assertEquals("file " + p + ", line 7: feature index 5 in '5:1' exceeds the given feature"
                + " count 4", assertThrows(DataFormatException.class, () -> LibSvmFiles.read(p, 4))
                .getMessage());
    }

    @Test
    void rejectsFilesWithoutSamples() throws IOException {
        Path p = file("comments.libsvm", "# nothing\n\n   \n");
        assertEquals("file " + p + " has no samples",
                assertThrows(DataFormatException.class, () -> LibSvmFiles.read(p)).getMessage());
    }

    @Test
    void rejectsBadArgumentsAndMissingFile() throws IOException {
        Path missing = dir.resolve("nope.libsvm");
        assertEquals("file " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> LibSvmFiles.read(missing)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LibSvmFiles.read(null));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LibSvmFiles.read(fixture(), 0)),
                "featureCount must be positive: 0");
        // A directory is the user's mistake, like a missing file: a usage error naming it.
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LibSvmFiles.read(dir)),
                dir.toString(), "it is a directory");
    }

    @Test
    void recordChecksLabelCount() {
        assertThrows(IllegalArgumentException.class,
                () -> new LibSvmData(DenseMatrix.zeros(2, 2), new double[3]));
    }
}
