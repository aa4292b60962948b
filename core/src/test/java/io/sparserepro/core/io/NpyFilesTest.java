package io.sparserepro.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyFilesTest {
    @TempDir
    Path dir;

    /** Values whose text or binary forms are easy to get wrong. */
    private static final double[][] AWKWARD = {
        {1.0, -0.0, 1.0 / 3.0},
        {1e-300, -2.5, 1e300},
    };

    // ------------------------------------------------------------ hand-made fixtures
    //
    // These files are assembled byte by byte from the format description (magic, version,
    // little-endian header length, Python-literal header, raw data), independently of
    // NpyFiles' writer, so the reader is checked against the spec and not against itself.

    private static byte[] npy(int major, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        out.write(h.length & 0xFF);
        out.write(h.length >>> 8 & 0xFF);
        if (major != 1) {
            out.write(h.length >>> 16 & 0xFF);
            out.write(h.length >>> 24 & 0xFF);
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The dict padded with spaces and '\n' so the preamble is a multiple of 64 bytes. */
    private static String padded(int major, String dict) {
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        return dict + " ".repeat(pad) + "\n";
    }

    private static byte[] littleEndian(double... values) {
        byte[] out = new byte[values.length * 8];
        for (int k = 0; k < values.length; k++) {
            long bits = Double.doubleToRawLongBits(values[k]);
            for (int b = 0; b < 8; b++) {
                out[8 * k + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }

    private static byte[] bigEndian(double... values) {
        byte[] out = new byte[values.length * 8];
        for (int k = 0; k < values.length; k++) {
            long bits = Double.doubleToRawLongBits(values[k]);
            for (int b = 0; b < 8; b++) {
                out[8 * k + b] = (byte) (bits >>> (56 - 8 * b));
            }
        }
        return out;
    }

    private static byte[] littleEndianInts(int bytesPerValue, long... values) {
        byte[] out = new byte[values.length * bytesPerValue];
        for (int k = 0; k < values.length; k++) {
            for (int b = 0; b < bytesPerValue; b++) {
                out[bytesPerValue * k + b] = (byte) (values[k] >>> (8 * b));
            }
        }
        return out;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertSameBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    "entry " + k + ": expected " + expected[k] + ", got " + actual[k]);
        }
    }

    @Test
    void readsHandMadeVersion1COrderMatrix() throws IOException {
        String header = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
        Path p = file("c.npy", npy(1, header, littleEndian(1, 2, 3, 4, 5, 6)));
        assertEquals(0, (10 + header.length()) % 64, "fixture preamble must be aligned");
        DenseMatrix m = NpyFiles.readMatrix(p);
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}), m);
    }

    @Test
    void readsHandMadeFortranOrderMatrix() throws IOException {
        String header = padded(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }");
        Path p = file("f.npy", npy(1, header, littleEndian(1, 4, 2, 5, 3, 6)));
        DenseMatrix m = NpyFiles.readMatrix(p);
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}), m);
    }

    @Test
    void readsHandMadeVersion2Header() throws IOException {
        String header = padded(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }");
        Path p = file("v2.npy", npy(2, header, littleEndian(1, 2, 3, 4, 5, 6)));
        assertEquals(0, (12 + header.length()) % 64, "fixture preamble must be aligned");
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                NpyFiles.readMatrix(p));
    }

    @Test
    void readsHandMadeVersion3HeaderAsUtf8() throws IOException {
        // An extra key with a non-ASCII value: only a UTF-8 decode keeps the dict parseable.
        String header = padded(3, "{'descr': '<f8', 'note': 'µ-Größe', 'fortran_order': False,"
                + " 'shape': (3,), }");
        Path p = file("v3.npy", npy(3, header, littleEndian(0.5, -1, 2)));
        assertSameBits(new double[] {0.5, -1, 2}, NpyFiles.readVector(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'shape': (2, 2), 'fortran_order': False, 'descr': '<f8'}",
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2,2)}",
        "  { 'descr' : '<f8' ,'fortran_order':False,'shape':( 2 , 2 , ) , }  ",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }",
        "{'descr':'<f8','fortran_order':False,'shape':(2, 2)}\n",
    })
    void parsesHeaderVariants(String dict) throws IOException {
        // Unpadded on purpose: alignment is a writer's convention, not a reader's requirement.
        Path p = file("variant.npy", npy(1, dict, littleEndian(1, 2, 3, 4)));
        assertEquals(DenseMatrix.fromRows(new double[][] {{1, 2}, {3, 4}}), NpyFiles.readMatrix(p));
    }

    @Test
    void convertsOtherDtypes() throws IOException {
        String f4 = padded(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
        byte[] f4Data = littleEndianInts(4, Float.floatToRawIntBits(1.5f), Float.floatToRawIntBits(0.1f));
        assertSameBits(new double[] {1.5, 0.1f}, NpyFiles.readVector(file("f4.npy", npy(1, f4, f4Data))));

        String i4 = padded(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }");
        byte[] i4Data = littleEndianInts(4, -7, 0, Integer.MAX_VALUE);
        assertSameBits(new double[] {-7, 0, Integer.MAX_VALUE},
                NpyFiles.readVector(file("i4.npy", npy(1, i4, i4Data))));

        String i8 = padded(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }");
        byte[] i8Data = littleEndianInts(8, -(1L << 53), 42);
        assertSameBits(new double[] {-(double) (1L << 53), 42},
                NpyFiles.readVector(file("i8.npy", npy(1, i8, i8Data))));

        String u1 = padded(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }");
        assertSameBits(new double[] {255, 1},
                NpyFiles.readVector(file("u1.npy", npy(1, u1, new byte[] {(byte) 255, 1}))));

        String be = padded(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }");
        assertSameBits(new double[] {1.0 / 3.0, -0.0},
                NpyFiles.readVector(file("be.npy", npy(1, be, bigEndian(1.0 / 3.0, -0.0)))));
    }

    @Test
    void oneDimensionalArrayReadsAsColumnAndColumnOrRowReadsAsVector() throws IOException {
        String oneD = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }");
        DenseMatrix column = NpyFiles.readMatrix(file("a.npy", npy(1, oneD, littleEndian(1, 2, 3))));
        assertEquals(3, column.rows());
        assertEquals(1, column.cols());

        String col = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1), }");
        assertSameBits(new double[] {1, 2, 3},
                NpyFiles.readVector(file("col.npy", npy(1, col, littleEndian(1, 2, 3)))));
        String row = padded(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1, 3), }");
        assertSameBits(new double[] {1, 2, 3},
                NpyFiles.readVector(file("row.npy", npy(1, row, littleEndian(1, 2, 3)))));
    }

    // ------------------------------------------------------------ round trips

    @ParameterizedTest
    @EnumSource(NpyFiles.Order.class)
    void matrixRoundTripIsBitExact(NpyFiles.Order order) {
        DenseMatrix m = DenseMatrix.fromRows(AWKWARD);
        Path p = dir.resolve("m.npy");
        NpyFiles.writeMatrix(p, m, order);
        DenseMatrix back = NpyFiles.readMatrix(p);
        assertEquals(m.rows(), back.rows());
        assertSameBits(m.data(), back.data());
    }

    @ParameterizedTest
    @EnumSource(NpyFiles.Order.class)
    void largeMatrixRoundTripSpansSeveralReadChunks(NpyFiles.Order order) {
        // 300 × 250 = 75 000 elements, more than two of the reader's 32 768-element chunks, so
        // the C-order transposition must carry its row/column position across chunks.
        SplittableRandom random = new SplittableRandom(20240611L);
        double[] data = new double[300 * 250];
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextDouble(-1e3, 1e3);
        }
        DenseMatrix m = DenseMatrix.wrapColumnMajor(300, 250, data);
        Path p = dir.resolve("large.npy");
        NpyFiles.writeMatrix(p, m, order);
        assertEquals(m, NpyFiles.readMatrix(p));
    }

    @Test
    void vectorRoundTripIsBitExact() {
        double[] v = {1e-300, -0.0, 1.0 / 3.0, Double.MIN_VALUE, -Double.MAX_VALUE};
        Path p = dir.resolve("v.npy");
        NpyFiles.writeVector(p, v);
        assertSameBits(v, NpyFiles.readVector(p));
        assertEquals(5, NpyFiles.readMatrix(p).rows());
    }

    @Test
    void writtenPreambleIsAlignedAndEndsInNewline() throws IOException {
        int[][] shapes = {{1, 1}, {12345, 3}, {7, 1}, {1, 9}};
        for (NpyFiles.Order order : NpyFiles.Order.values()) {
            for (int[] s : shapes) {
                Path p = dir.resolve("s.npy");
                NpyFiles.writeMatrix(p, DenseMatrix.zeros(s[0], s[1]), order);
                byte[] bytes = Files.readAllBytes(p);
                int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
                int dataStart = 10 + headerLength;
                assertEquals(1, bytes[6], "version 1.0 for a small header");
                assertEquals(0, dataStart % 64, Arrays.toString(s) + " " + order);
                assertEquals((byte) '\n', bytes[dataStart - 1]);
                assertEquals((long) s[0] * s[1] * 8, bytes.length - dataStart);
            }
        }
    }

    // ------------------------------------------------------------ NumPy-written fixtures

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NpyFilesTest.class.getResourceAsStream("/npy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /npy/" + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void readsFilesWrittenByNumpy() throws IOException {
        DenseMatrix expected = DenseMatrix.fromRows(AWKWARD);
        for (String name : new String[] {"f8_c_2x3.npy", "f8_fortran_2x3.npy", "f8_c_2x3_v2.npy",
            "f8_c_2x3_v3.npy"}) {
            DenseMatrix m = NpyFiles.readMatrix(file(name, resource(name)));
            assertSameBits(expected.data(), m.data());
        }
        assertSameBits(new double[] {0.1, -0.0, 5e-324, 1.7976931348623157e308},
                NpyFiles.readVector(file("v.npy", resource("f8_vector_4.npy"))));
        assertSameBits(new double[] {1.5, 0.1f, -2.25, 3.0},
                NpyFiles.readMatrix(file("f4.npy", resource("f4_c_2x2.npy"))).data());
        assertSameBits(new double[] {1, 3, 2, -4.5},
                NpyFiles.readMatrix(file("be.npy", resource("f8_big_endian_2x2.npy"))).data());
        assertSameBits(new double[] {-1, 0, 2147483647},
                NpyFiles.readVector(file("i4.npy", resource("i4_vector_3.npy"))));
        assertSameBits(new double[] {-5, 0x1p53, 7, 0},
                NpyFiles.readMatrix(file("i8.npy", resource("i8_c_2x2.npy"))).data());
        // 2^64 - 1 rounds to 2^64, the nearest double.
        assertSameBits(new double[] {0x1p64, 3},
                NpyFiles.readVector(file("u8.npy", resource("u8_vector_2.npy"))));
    }

    @Test
    void writesTheSameBytesAsNumpySave() throws IOException {
        DenseMatrix m = DenseMatrix.fromRows(AWKWARD);
        Path c = dir.resolve("c.npy");
        NpyFiles.writeMatrix(c, m);
        assertArrayEquals(resource("f8_c_2x3.npy"), Files.readAllBytes(c));
        Path f = dir.resolve("f.npy");
        NpyFiles.writeMatrix(f, m, NpyFiles.Order.FORTRAN);
        assertArrayEquals(resource("f8_fortran_2x3.npy"), Files.readAllBytes(f));
        Path v = dir.resolve("v.npy");
        NpyFiles.writeVector(v, new double[] {0.1, -0.0, 5e-324, 1.7976931348623157e308});
        assertArrayEquals(resource("f8_vector_4.npy"), Files.readAllBytes(v));
    }

    // ------------------------------------------------------------ bad input

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part),
                    "message should contain \"" + part + "\": " + e.getMessage());
        }
    }

    @Test
    void rejectsBadMagic() throws IOException {
        Path p = file("bad.npy", "1.0,2.0\n3.0,4.0\n".getBytes(StandardCharsets.US_ASCII));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        assertMessage(e, p.toString(), "bytes 0-5", "31 2e 30 2c 32 2e", "magic");
    }

    @Test
    void rejectsEmptyAndTooShortFiles() throws IOException {
        Path empty = file("empty.npy", new byte[0]);
        assertMessage(assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(empty)),
                empty.toString(), "is empty");
        Path shortFile = file("short.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1});
        assertMessage(assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(shortFile)),
                shortFile.toString(), "bytes 6-7");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 0x101})
    void rejectsUnknownVersion(int version) throws IOException {
        byte[] bytes = npy(1, padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"),
                littleEndian(1));
        bytes[6] = (byte) (version & 0xFF);
        bytes[7] = (byte) (version >>> 8);
        Path p = file("version.npy", bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        assertMessage(e, p.toString(), "bytes 6-7",
                "version " + (version & 0xFF) + "." + (version >>> 8), "expected 1.0, 2.0 or 3.0");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        String header = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
        Path p = file("trunc.npy", npy(1, header, littleEndian(1, 2, 3, 4, 5)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        assertMessage(e, "file " + p + ": expected 48 bytes of data for shape (2, 3) float64, found 40");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        String header = padded(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }");
        Path p = file("long.npy", npy(1, header, littleEndianInts(4, 1, 2, 3)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readVector(p));
        assertMessage(e, p.toString(), "expected 8 bytes of data for shape (2,) int32, found 12");
    }

    @Test
    void rejectsComplexDtype() throws IOException {
        String header = padded(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }");
        Path p = file("complex.npy", npy(1, header, new byte[16]));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readVector(p));
        assertMessage(e, "file " + p + ": header field 'descr' is '<c16'; expected a real dtype"
                + " such as '<f8'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), } => 'descr' is a list",
        "{'descr': '=f8', 'fortran_order': False, 'shape': (1,), } => 'descr' is '=f8'",
        "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), } => 'descr' is '<f2'",
        "{'descr': '|f8', 'fortran_order': False, 'shape': (1,), } => 'descr' is '|f8'",
        "{'descr': '<f8', 'shape': (1,), } => no field 'fortran_order'",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), } => 'fortran_order' is 0",
        "{'descr': '<f8', 'fortran_order': False, 'shape': 1, } => 'shape' is 1",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), } => 'shape' is (1, 1, 1);"
                + " expected 1 or 2 dimensions",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (), } => 'shape' is (); expected 1 or 2",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3), } => 'shape' is (0, 3); expected"
                + " every dimension >= 1",
        "{'descr' '<f8', 'fortran_order': False, 'shape': (1,), } => expected ':' after key 'descr'",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,) 'x': 1} => expected ',' or '}'",
        "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), } => expected a value (a string,"
                + " True, False or a tuple), found 'Maybe",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'shape': (1,)} => 'shape' repeats",
        "'descr': '<f8' => expected '{'",
    })
    void rejectsBadHeaders(String dictAndExpected) throws IOException {
        String[] parts = dictAndExpected.split(" => ");
        Path p = file("header.npy", npy(1, padded(1, parts[0]), littleEndian(0)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        assertMessage(e, "file " + p + ": ", parts[1]);
    }

    @Test
    void rejectsHeaderLengthBeyondEndOfFile() throws IOException {
        byte[] bytes = npy(1, padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"),
                littleEndian(1));
        bytes[8] = (byte) 0xFF;
        bytes[9] = (byte) 0x7F;
        Path p = file("hlen.npy", bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        assertMessage(e, p.toString(), "header length field at byte offset 8 says 32767 bytes");
    }

    @Test
    void rejectsVersion3HeaderThatIsNotUtf8() throws IOException {
        byte[] bytes = npy(3, padded(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }"),
                littleEndian(1));
        bytes[13] = (byte) 0xFF;
        Path p = file("v3bad.npy", bytes);
        assertMessage(assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p)),
                p.toString(), "not valid UTF-8");
    }

    @Test
    void rejectsNonFiniteData() throws IOException {
        // Both headers need 128-byte preambles, so the data starts at byte offset 128.
        String header = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
        Path p = file("nan.npy", npy(1, header, littleEndian(1, 2, 3, 4, Double.NaN, 6)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(p));
        // Element [1, 1] is the fifth in C order: a 128-byte preamble + 4 × 8.
        assertMessage(e, "file " + p + ": element [1, 1] at byte offset 160 is NaN");

        String fortran = padded(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }");
        byte[] data = littleEndianInts(4, 0, 0, Float.floatToRawIntBits(Float.NEGATIVE_INFINITY), 0);
        Path q = file("inf.npy", npy(1, fortran, data));
        assertMessage(assertThrows(DataFormatException.class, () -> NpyFiles.readMatrix(q)),
                "file " + q + ": element [0, 1] at byte offset 136 is -Infinity");
    }

    @Test
    void rejectsMatrixShapeWhenReadingVector() throws IOException {
        String header = padded(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }");
        Path p = file("m.npy", npy(1, header, littleEndian(1, 2, 3, 4)));
        assertMessage(assertThrows(DataFormatException.class, () -> NpyFiles.readVector(p)),
                "file " + p + ": header field 'shape' is (2, 2); expected a vector");
    }

    @Test
    void missingFileAndDirectoryAreReportedWithTheirNames() {
        Path missing = dir.resolve("nope.npy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyFiles.readMatrix(missing));
        assertEquals("file " + missing + " does not exist", e.getMessage());
        // A directory is the user's mistake, like a missing file: a usage error naming it.
        assertMessage(assertThrows(IllegalArgumentException.class, () -> NpyFiles.readMatrix(dir)),
                dir.toString(), "it is a directory");
    }

    @Test
    void writerRejectsBadArgumentsBeforeWriting() {
        Path p = dir.resolve("w.npy");
        DenseMatrix withNan = DenseMatrix.fromRows(new double[][] {{1, Double.NaN}});
        assertMessage(assertThrows(IllegalArgumentException.class, () -> NpyFiles.writeMatrix(p, withNan)),
                "matrix[0, 1] = NaN");
        assertThrows(IllegalArgumentException.class,
                () -> NpyFiles.writeVector(p, new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> NpyFiles.writeVector(p, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NpyFiles.writeMatrix(p, null));
        assertThrows(IllegalArgumentException.class,
                () -> NpyFiles.writeMatrix(p, DenseMatrix.zeros(1, 1), null));
        assertTrue(Files.notExists(p), "nothing is written for bad arguments");
        Path noDir = dir.resolve("missing-dir").resolve("w.npy");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> NpyFiles.writeVector(noDir, new double[] {1})), noDir.toString(), "does not exist");
    }
}
