package io.sparserepro.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertSameBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    "entry " + k + ": expected " + expected[k] + ", got " + actual[k]);
        }
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part),
                    "message should contain \"" + part + "\": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------ round trips and format

    @Test
    void aMalformedFirstNumberIsReportedNotTakenForAHeader() throws IOException {
        Path typo = file("typo.csv", "1.2.3\n4\n5\n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readVector(typo)),
                "line 1, column 1", "cannot parse '1.2.3'");
        Path spaces = file("spaces.csv", "0.5 0.7\n1 2\n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(spaces)),
                "line 1", "separated by commas");
        Path named = file("named.csv", "x1,x2\n1,2\n");
        assertEquals(1, CsvFiles.readMatrix(named).rows());
    }

    @Test
    void matrixRoundTripIsBitExact() {
        DenseMatrix m = DenseMatrix.fromRows(new double[][] {
            {1e-300, -0.0, 1.0 / 3.0},
            {Double.MIN_VALUE, -Double.MAX_VALUE, 0.1},
        });
        Path p = dir.resolve("m.csv");
        CsvFiles.writeMatrix(p, m);
        DenseMatrix back = CsvFiles.readMatrix(p);
        assertEquals(2, back.rows());
        assertEquals(3, back.cols());
        assertSameBits(m.data(), back.data());
    }

    @Test
    void vectorRoundTripIsBitExactAndWrittenAsOneColumn() throws IOException {
        double[] v = {1e-300, -0.0, 1.0 / 3.0};
        Path p = dir.resolve("v.csv");
        CsvFiles.writeVector(p, v);
        assertEquals("1.0E-300\n-0.0\n0.3333333333333333\n", Files.readString(p));
        assertSameBits(v, CsvFiles.readVector(p));
    }

    @Test
    void writesRowsWithCommasAndUnixLineEnds() throws IOException {
        Path p = dir.resolve("w.csv");
        CsvFiles.writeMatrix(p, DenseMatrix.fromRows(new double[][] {{1, 2.5}, {-3, 1e20}}));
        assertEquals("1.0,2.5\n-3.0,1.0E20\n", Files.readString(p));
    }

    @Test
    void toleratesSpacesHeaderBomCarriageReturnsAndTrailingBlankLines() throws IOException {
        Path p = file("lenient.csv", "\uFEFF x , y,z \r\n 1 ,2,  3\r\n4,\t5.5 ,6e-1\r\n\r\n   \n");
        DenseMatrix m = CsvFiles.readMatrix(p);
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5.5, 0.6}}), m);
    }

    @Test
    void readsHexadecimalFloatingPointLiterals() throws IOException {
        Path p = file("hex.csv", "0x1.8p1,-0x1p-1074\n");
        assertSameBits(new double[] {3.0, -Double.MIN_VALUE}, CsvFiles.readVector(p));
    }

    @Test
    void readsVectorFromOneRowOrOneColumn() throws IOException {
        assertSameBits(new double[] {1, 2, 3}, CsvFiles.readVector(file("row.csv", "1,2,3\n")));
        assertSameBits(new double[] {1, 2, 3}, CsvFiles.readVector(file("col.csv", "v\n1\n2\n3")));
    }

    // ------------------------------------------------------------ bad input

    @Test
    void rejectsRaggedRow() throws IOException {
        Path p = file("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertEquals("file " + p + ", line 3: row has 2 fields, expected 3 (as on line 2)",
                e.getMessage());
    }

    @Test
    void rejectsUnparsableNumber() throws IOException {
        Path p = file("abc.csv", "1,2\n3,abc\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertEquals("file " + p + ", line 2, column 2: cannot parse 'abc' as a number", e.getMessage());
    }

    @Test
    void firstLineMixingNamesAndNumbersIsDataNotHeader() throws IOException {
        Path p = file("mixed.csv", "x,1\n2,3\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertEquals("file " + p + ", line 1, column 1: cannot parse 'x' as a number", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,,2", "1,2,", "1,2d,3", "1,'2',3", "1;2;3"})
    void rejectsMalformedFields(String line) throws IOException {
        Path p = file("fields.csv", "1,2,3\n" + line + "\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertMessage(e, "file " + p + ", line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400"})
    void rejectsNonFiniteValues(String value) throws IOException {
        Path p = file("nan.csv", "1,2\n3," + value + "\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertMessage(e, "file " + p + ", line 2, column 2: '" + value + "' is not finite");
    }

    /**
     * Issue 10, item 1: numpy writes a missing row as {@code nan,nan,...}; such a first line
     * was taken for a header (every field "contains a letter and is not a number") and
     * dropped, so a solve ran silently on m − 1 rows. Every spelling of NaN or an infinity
     * that numpy, R (NA), C's printf, MSVC or Java write is data, and is rejected with its position.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "NAN", "-nan", "+nan", "inf", "-inf", "+Inf", "INF", "infinity",
        "-Infinity", "Infinity", "nan(0x8000)", "1.#INF", "-1.#IND", "1.#QNAN", "NA"})
    void aFirstLineOfNanOrInfIsDataAndRejectedWithItsPosition(String value) throws IOException {
        Path p = file("nanrow.csv", value + "," + value + "\n1,2\n3,4\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertMessage(e, "file " + p + ", line 1, column 1: '" + value + "' is not finite");
        Path column = file("nancolumn.csv", value + "\n1\n2\n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readVector(column)),
                "file " + column + ", line 1, column 1: '" + value + "' is not finite");
        Path later = file("nanlater.csv", "1,2\n3," + value + "\n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(later)),
                "file " + later + ", line 2, column 2: '" + value + "' is not finite");
    }

    @Test
    void aHeaderMixingNamesWithNanIsDataNotHeader() throws IOException {
        Path p = file("mixnan.csv", "a,nan\n1,2\n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p)),
                "line 1, column 1", "cannot parse 'a'");
    }

    @Test
    void aSkippedHeaderIsReportedInOneLine() throws IOException {
        Path p = file("named.csv", "x1, x2 ,x3\n1,2,3\n4,5,6\n");
        java.util.List<String> notes = new java.util.ArrayList<>();
        DenseMatrix m = CsvFiles.readMatrix(p, notes::add);
        assertEquals(2, m.rows());
        assertEquals(1, notes.size(), notes.toString());
        assertEquals("file " + p + ", line 1: skipped as a header (every field is a name): x1, x2 ,x3",
                notes.get(0));
        assertEquals(1, notes.get(0).lines().count());
        Path plain = file("plain.csv", "1,2\n3,4\n");
        notes.clear();
        CsvFiles.readMatrix(plain, notes::add);
        assertTrue(notes.isEmpty(), notes.toString());
        // A very long header is cut, so the notice stays one readable line.
        StringBuilder wide = new StringBuilder();
        for (int j = 0; j < 500; j++) {
            wide.append(j == 0 ? "" : ",").append("feature_").append(j);
        }
        Path widePath = file("wide.csv", wide + "\n" + "1,".repeat(499) + "1\n");
        notes.clear();
        assertEquals(500, CsvFiles.readVector(widePath, notes::add).length);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).length() - widePath.toString().length() < 200 && notes.get(0).endsWith("... (500 fields)"), notes.get(0));
        notes.clear();
        MatrixFiles.readVector(widePath, notes::add);
        assertEquals(1, notes.size());
    }

    @Test
    void rejectsEmptyFileAndHeaderOnlyFile() throws IOException {
        Path empty = file("empty.csv", "");
        assertEquals("file " + empty + " is empty: no data rows",
                assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(empty)).getMessage());
        Path blank = file("blank.csv", "\n  \n");
        assertMessage(assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(blank)),
                "file " + blank + " is empty");
        Path header = file("header.csv", "a,b\n");
        assertEquals("file " + header + " has a header line but no data rows",
                assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(header)).getMessage());
    }

    @Test
    void rejectsBlankLineBeforeMoreData() throws IOException {
        Path p = file("gap.csv", "1,2\n\n3,4\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p));
        assertMessage(e, "file " + p + ", line 2: blank line before more data on line 3");
    }

    @Test
    void rejectsMatrixWhenReadingVector() throws IOException {
        Path p = file("m.csv", "1,2\n3,4\n");
        assertEquals("file " + p + ": expected one row or one column for a vector, found 2 rows × 2"
                + " columns", assertThrows(DataFormatException.class, () -> CsvFiles.readVector(p))
                .getMessage());
    }

    @Test
    void rejectsBinaryContentOnTheLineThatHoldsIt() throws IOException {
        // Many good lines first, so the bad bytes lie beyond the reader's first buffer fill.
        byte[] good = "1,2\n".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'3', ',', (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Path p = dir.resolve("binary.csv");
        Files.write(p, all);
        assertEquals("file " + p + ", line 5001, character 3: not valid UTF-8 text (is it a binary"
                + " file, such as .npy?)",
                assertThrows(DataFormatException.class, () -> CsvFiles.readMatrix(p)).getMessage());
    }

    @Test
    void missingFileAndDirectoryAreReportedWithTheirNames() {
        Path missing = dir.resolve("nope.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvFiles.readMatrix(missing));
        assertEquals("file " + missing + " does not exist", e.getMessage());
        // A directory is the user's mistake, like a missing file: a usage error naming it.
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvFiles.readVector(dir)),
                dir.toString(), "it is a directory");
    }

    @Test
    void writerRejectsBadArgumentsBeforeWriting() {
        Path p = dir.resolve("w.csv");
        DenseMatrix withInf = DenseMatrix.fromRows(new double[][] {{1}, {Double.NEGATIVE_INFINITY}});
        assertMessage(assertThrows(IllegalArgumentException.class, () -> CsvFiles.writeMatrix(p, withInf)),
                "matrix[1, 0] = -Infinity");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> CsvFiles.writeVector(p, new double[] {0, Double.NaN})), "vector[1] = NaN");
        assertThrows(IllegalArgumentException.class, () -> CsvFiles.writeVector(p, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> CsvFiles.writeVector(null, new double[] {1}));
        assertTrue(Files.notExists(p), "nothing is written for bad arguments");
        Path noDir = dir.resolve("missing-dir").resolve("w.csv");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> CsvFiles.writeMatrix(noDir, DenseMatrix.zeros(1, 1))), noDir.toString(),
                "does not exist");
    }

    @Test
    void readsLargeFileInOnePass() throws IOException {
        // Exercises the growth of the value buffer well past its initial size.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(i).append(',').append(-i * 0.5).append(',').append(i % 7).append('\n');
        }
        DenseMatrix m = CsvFiles.readMatrix(file("big.csv", sb.toString()));
        assertEquals(2000, m.rows());
        assertEquals(-999.5, m.get(1999, 1));
        assertArrayEquals(new double[] {1999, -999.5, 1999 % 7}, m.toRows()[1999]);
    }
}
