package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Dense matrices and vectors in NumPy's {@code .npy} format
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">spec</a>).
 *
 * <h2>What the reader accepts</h2>
 * <ul>
 *   <li>Format versions 1.0 and 2.0 (header in Latin-1) and 3.0 (header in UTF-8).</li>
 *   <li>dtypes {@code f8 f4 i8 i4 i2 i1 u8 u4 u2 u1 b1} in either byte order
 *       ({@code '<'}, {@code '>'}, or {@code '|'} for one-byte types), converted to double.
 *       64-bit integers beyond 2<sup>53</sup> round to the nearest double. Complex, float16,
 *       structured and object dtypes are refused, as are NaN and infinite values.</li>
 *   <li>{@code fortran_order} True or False; 1-D or 2-D shapes with every dimension at least
 *       1. Read as a matrix, a 1-D array of length n is an n×1 column; read as a vector,
 *       shapes (n,), (n, 1) and (1, n) are accepted.</li>
 *   <li>The data must be exactly shape-product × item-size bytes, up to the end of file.</li>
 * </ul>
 *
 * <h2>What the writer produces</h2>
 * float64 little-endian ({@code '<f8'}), format version 1.0 unless the header would not fit
 * in its 16-bit length field, C order unless {@link Order#FORTRAN} is asked for (which is
 * faster, because it is this library's own column-major layout). The header is laid out
 * exactly as {@code numpy.save} lays it out (sorted keys, the spare spaces NumPy reserves for
 * growing the first axis, padding to a 64-byte boundary ending in {@code '\n'}), so a file
 * written here is byte-identical to NumPy's for the same array and checksums can be compared.
 *
 * <p>Malformed content raises {@link DataFormatException} naming the file and the header field
 * or byte offset; a missing file an {@link IllegalArgumentException}; other I/O failures an
 * {@link java.io.UncheckedIOException} naming the file.
 */
public final class NpyFiles {
    /** Memory layout of a 2-D array in the file. */
    public enum Order {
        /** Row-major, NumPy's default. */
        C,
        /** Column-major, this library's in-memory layout. */
        FORTRAN
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the data to 64 bytes so it can be memory-mapped for SIMD loads. */
    private static final int ALIGNMENT = 64;
    /** NumPy leaves room for the growing axis to reach this many digits (format.py). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** A header longer than this cannot be a plain 1-D or 2-D array; refuse to allocate it. */
    private static final int MAX_HEADER_LENGTH = 1 << 20;
    /** Elements converted per I/O call: large enough to amortise the call, small for cache. */
    private static final int CHUNK_ELEMENTS = 1 << 15;

    private NpyFiles() {
    }

    /** Reads a 1-D (as one column) or 2-D array as a matrix. */
    public static DenseMatrix readMatrix(Path file) {
        Array a = read(file);
        return DenseMatrix.wrapColumnMajor(a.rows, a.cols, a.data);
    }

    /** Reads an array of shape (n,), (n, 1) or (1, n) as a vector. */
    public static double[] readVector(Path file) {
        Array a = read(file);
        if (a.shape.length == 2 && a.shape[0] != 1 && a.shape[1] != 1) {
            throw new DataFormatException("file " + file + ": header field 'shape' is "
                    + NpyHeader.formatShape(a.shape) + "; expected a vector: shape (n,), (n, 1)"
                    + " or (1, n)");
        }
        return a.data;
    }

    /** Writes a matrix in C (row-major) order, as {@code numpy.save} does by default. */
    public static void writeMatrix(Path file, DenseMatrix matrix) {
        writeMatrix(file, matrix, Order.C);
    }

    /** Writes a matrix in the given order. Rejects non-finite entries before writing. */
    public static void writeMatrix(Path file, DenseMatrix matrix, Order order) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("matrix", matrix);
        Checks.requireNonNull("order", order);
        matrix.requireFinite("matrix");
        write(file, matrix.data(), matrix.rows(), matrix.cols(),
                new long[] {matrix.rows(), matrix.cols()}, order == Order.FORTRAN);
    }

    /** Writes a vector as a 1-D array. Rejects an empty vector and non-finite entries. */
    public static void writeVector(Path file, double[] vector) {
        Checks.requireNonNull("file", file);
        Checks.requireFinite("vector", vector);
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        // One column: column-major and row-major agree, and NumPy writes 1-D as C order.
        write(file, vector, vector.length, 1, new long[] {vector.length}, false);
    }

    // ---------------------------------------------------------------- reading

    /** A decoded array in column-major order; 1-D arrays are one column. */
    private record Array(long[] shape, int rows, int cols, double[] data) {
    }

    private static Array read(Path file) {
        Checks.requireNonNull("file", file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, ch);
        } catch (IOException e) {
            throw FileSupport.readFailure(file, e);
        }
    }

    private static Array read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer lead = ByteBuffer.allocate(8);
        readFully(ch, lead, 0);
        if (size == 0) {
            throw new DataFormatException("file " + file + " is empty; expected an NPY file"
                    + " starting with the magic string \\x93NUMPY");
        }
        int magicFound = Math.min(MAGIC.length, lead.position());
        if (!hasMagic(lead, magicFound)) {
            throw new DataFormatException("file " + file + ": bytes 0-" + (magicFound - 1)
                    + " are " + hex(lead, magicFound) + ", not the NPY magic string"
                    + " \\x93NUMPY (93 4e 55 4d 50 59); is it really a .npy file?");
        }
        if (lead.position() < 8) {
            throw new DataFormatException("file " + file + ": ends at byte " + size
                    + ", before the format version at bytes 6-7");
        }
        int major = lead.get(6) & 0xFF;
        int minor = lead.get(7) & 0xFF;
        int lengthBytes;
        if (major == 1 && minor == 0) {
            lengthBytes = 2;
        } else if ((major == 2 || major == 3) && minor == 0) {
            lengthBytes = 4;
        } else {
            throw new DataFormatException("file " + file + ", bytes 6-7: NPY format version "
                    + major + "." + minor + " is not supported; expected 1.0, 2.0 or 3.0");
        }
        ByteBuffer lengthField = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lengthField, 8);
        if (lengthField.hasRemaining()) {
            throw new DataFormatException("file " + file + ": ends at byte " + size
                    + ", inside the header length field at byte offset 8");
        }
        long headerLength = lengthBytes == 2 ? lengthField.getShort(0) & 0xFFFF
                : lengthField.getInt(0) & 0xFFFFFFFFL;
        long headerStart = 8 + lengthBytes;
        if (headerLength > size - headerStart) {
            throw new DataFormatException("file " + file + ": header length field at byte"
                    + " offset 8 says " + headerLength + " bytes, but only "
                    + (size - headerStart) + " bytes follow it");
        }
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new DataFormatException("file " + file + ": header length field at byte"
                    + " offset 8 says " + headerLength + " bytes; a 1-D or 2-D array needs"
                    + " far less (at most " + MAX_HEADER_LENGTH + " accepted)");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(ch, headerBytes, headerStart);
        headerBytes.flip();
        String text = decodeHeader(file, headerBytes, major == 3);
        NpyHeader header = NpyHeader.parse(file, text);

        Dtype dtype = Dtype.parse(file, header.descr());
        long[] shape = header.shape();
        checkShape(file, shape);
        long elements = shape.length == 1 ? shape[0] : shape[0] * shape[1];
        long dataStart = headerStart + headerLength;
        long expectedBytes = elements * dtype.size;
        if (size - dataStart != expectedBytes) {
            throw new DataFormatException("file " + file + ": expected " + expectedBytes
                    + " bytes of data for shape " + NpyHeader.formatShape(shape) + " "
                    + dtype.numpyName + ", found " + (size - dataStart)
                    + " (data starts at byte offset " + dataStart + ")");
        }
        int rows = (int) shape[0];
        int cols = shape.length == 1 ? 1 : (int) shape[1];
        // Only a 2-D C-order array with more than one column needs reordering; (n, 1), (1, n)
        // and 1-D arrays are stored in the same order either way.
        boolean transpose = shape.length == 2 && !header.fortranOrder() && cols > 1 && rows > 1;
        double[] data;
        try {
            data = new double[(int) elements];
        } catch (OutOfMemoryError e) {
            long bytes = elements * Double.BYTES;
            throw new InputTooLargeError("file " + file + ": its " + (shape.length == 1 ? shape[0] + "-element"
                    : shape[0] + "×" + shape[1]) + " array needs "
                    + InputTooLargeError.describeBytes(bytes) + " as float64", bytes);
        }
        readData(file, ch, dataStart, dtype, data, rows, cols, transpose, header);
        return new Array(shape, rows, cols, data);
    }

    private static void readData(Path file, FileChannel ch, long dataStart, Dtype dtype,
            double[] out, int rows, int cols, boolean transpose, NpyHeader header)
            throws IOException {
        int chunk = Math.min(CHUNK_ELEMENTS, out.length);
        ByteBuffer bytes = ByteBuffer.allocateDirect(chunk * dtype.size).order(dtype.order);
        double[] values = new double[chunk];
        int done = 0;
        // Position of the next file element in the destination when transposing C order.
        int i = 0;
        int j = 0;
        while (done < out.length) {
            int n = Math.min(chunk, out.length - done);
            bytes.clear().limit(n * dtype.size);
            readFully(ch, bytes, dataStart + (long) done * dtype.size);
            if (bytes.hasRemaining()) {
                // The size was checked, so this means the file shrank while being read.
                throw new DataFormatException("file " + file + ": ends at byte offset "
                        + (dataStart + (long) done * dtype.size + bytes.position())
                        + " while reading the data");
            }
            bytes.flip();
            dtype.decode(bytes, values, n);
            for (int k = 0; k < n; k++) {
                if (!Double.isFinite(values[k])) {
                    throw nonFinite(file, header.shape(), header.fortranOrder(), done + k,
                            dataStart, dtype, values[k]);
                }
            }
            if (!transpose) {
                System.arraycopy(values, 0, out, done, n);
            } else {
                for (int k = 0; k < n; k++) {
                    out[j * rows + i] = values[k];
                    if (++j == cols) {
                        j = 0;
                        i++;
                    }
                }
            }
            done += n;
        }
    }

    private static DataFormatException nonFinite(Path file, long[] shape, boolean fortranOrder,
            long index, long dataStart, Dtype dtype, double value) {
        String where;
        if (shape.length == 1) {
            where = "[" + index + "]";
        } else if (fortranOrder) {
            where = "[" + index % shape[0] + ", " + index / shape[0] + "]";
        } else {
            where = "[" + index / shape[1] + ", " + index % shape[1] + "]";
        }
        return new DataFormatException("file " + file + ": element " + where + " at byte offset "
                + (dataStart + index * dtype.size) + " is " + value
                + "; this suite rejects NaN and infinite data");
    }

    private static void checkShape(Path file, long[] shape) {
        String prefix = "file " + file + ": header field 'shape' is "
                + NpyHeader.formatShape(shape) + "; expected ";
        if (shape.length < 1 || shape.length > 2) {
            throw new DataFormatException(prefix + "1 or 2 dimensions");
        }
        long elements = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new DataFormatException(prefix + "every dimension >= 1 (empty arrays are"
                        + " not supported)");
            }
            if (d > Integer.MAX_VALUE) {
                throw new DataFormatException(prefix + "dimensions that fit in a Java int");
            }
            elements *= d;
        }
        if (elements > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(prefix + "at most " + (Integer.MAX_VALUE - 8)
                    + " elements, to fit one Java array");
        }
    }

    private static String decodeHeader(Path file, ByteBuffer bytes, boolean utf8) {
        if (!utf8) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException("file " + file + ": a version 3.0 header must be UTF-8,"
                    + " but it is not valid UTF-8");
        }
    }

    /** Whether the first n bytes agree with the magic string (all six if the file has them). */
    private static boolean hasMagic(ByteBuffer lead, int n) {
        for (int k = 0; k < n; k++) {
            if (lead.get(k) != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(ByteBuffer buf, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : " ").append(String.format("%02x", buf.get(k) & 0xFF));
        }
        return sb.toString();
    }

    /** Fills {@code buf} from {@code position} on, stopping early only at end of file. */
    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                return;
            }
            at += n;
        }
    }

    // ---------------------------------------------------------------- writing

    private static void write(Path file, double[] data, int rows, int cols, long[] shape,
            boolean fortranOrder) {
        ByteBuffer preamble = preamble(shape, fortranOrder);
        // Whole or not at all: a full disk must not leave a truncated .npy behind.
        FileSupport.writeAtomically(file, ch -> {
            writeFully(ch, preamble);
            int chunk = Math.min(CHUNK_ELEMENTS, data.length);
            ByteBuffer bytes = ByteBuffer.allocateDirect(chunk * Double.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (fortranOrder || cols == 1 || rows == 1) {
                for (int done = 0; done < data.length; done += chunk) {
                    int n = Math.min(chunk, data.length - done);
                    bytes.clear();
                    bytes.asDoubleBuffer().put(data, done, n);
                    bytes.limit(n * Double.BYTES);
                    writeFully(ch, bytes);
                }
            } else {
                bytes.clear();
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        if (!bytes.hasRemaining()) {
                            bytes.flip();
                            writeFully(ch, bytes);
                            bytes.clear();
                        }
                        bytes.putDouble(data[j * rows + i]);
                    }
                }
                bytes.flip();
                writeFully(ch, bytes);
            }
        });
    }

    /** Magic, version, header length and the padded header, as numpy.save lays them out. */
    static ByteBuffer preamble(long[] shape, boolean fortranOrder) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '<f8', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False")
                .append(", 'shape': ").append(NpyHeader.formatShape(shape)).append(", }");
        // NumPy reserves room for the axis an appending writer would grow (the first in C
        // order, the last in Fortran order) to reach GROWTH_AXIS_MAX_DIGITS digits.
        long growing = shape[fortranOrder ? shape.length - 1 : 0];
        dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growing).length()));
        int textLength = dict.length() + 1; // + the final '\n'
        int version = 1;
        int lengthBytes = 2;
        int padding = ALIGNMENT - (MAGIC.length + 2 + lengthBytes + textLength) % ALIGNMENT;
        if (textLength + padding >= 1 << 16) {
            version = 2;
            lengthBytes = 4;
            padding = ALIGNMENT - (MAGIC.length + 2 + lengthBytes + textLength) % ALIGNMENT;
        }
        int headerLength = textLength + padding;
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + headerLength)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) version).put((byte) 0);
        if (lengthBytes == 2) {
            buf.putShort((short) headerLength);
        } else {
            buf.putInt(headerLength);
        }
        buf.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int k = 0; k < padding; k++) {
            buf.put((byte) ' ');
        }
        buf.put((byte) '\n');
        return buf.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    // ---------------------------------------------------------------- dtypes

    /** A supported element type: its size, byte order and conversion to double. */
    private static final class Dtype {
        final char kind;
        final int size;
        final ByteOrder order;
        final String numpyName;

        private Dtype(char kind, int size, ByteOrder order) {
            this.kind = kind;
            this.size = size;
            this.order = order;
            this.numpyName = switch (kind) {
                case 'f' -> "float" + 8 * size;
                case 'i' -> "int" + 8 * size;
                case 'u' -> "uint" + 8 * size;
                default -> "bool";
            };
        }

        static Dtype parse(Path file, String descr) {
            String expected = "; expected a real dtype such as '<f8' (supported: f8, f4, i8, i4,"
                    + " i2, i1, u8, u4, u2, u1, b1 with byte order '<', '>' or '|')";
            String prefix = "file " + file + ": header field 'descr' is '" + descr + "'";
            if (descr.length() < 3) {
                throw new DataFormatException(prefix + expected);
            }
            char orderChar = descr.charAt(0);
            char kind = descr.charAt(1);
            String sizeText = descr.substring(2);
            int size = switch (sizeText) {
                case "1" -> 1;
                case "2" -> 2;
                case "4" -> 4;
                case "8" -> 8;
                default -> -1;
            };
            boolean known = switch (kind) {
                case 'f' -> size == 4 || size == 8;
                case 'i', 'u' -> size > 0;
                case 'b' -> size == 1;
                default -> false;
            };
            if (!known) {
                throw new DataFormatException(prefix + expected);
            }
            ByteOrder order;
            if (orderChar == '<' || (orderChar == '|' && size == 1)) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (orderChar == '>') {
                order = ByteOrder.BIG_ENDIAN;
            } else if (orderChar == '=') {
                // '=' means the writer's native order, which the file does not record.
                throw new DataFormatException(prefix + "; native byte order '=' is ambiguous in"
                        + " a file; expected '<' or '>'");
            } else {
                throw new DataFormatException(prefix + "; expected byte order '<' or '>'"
                        + (size == 1 ? " or '|'" : "") + " as its first character");
            }
            return new Dtype(kind, size, order);
        }

        /** Converts the first n elements of {@code bytes} (in this dtype's order). */
        void decode(ByteBuffer bytes, double[] out, int n) {
            switch (kind) {
                case 'f' -> {
                    if (size == 8) {
                        bytes.asDoubleBuffer().get(out, 0, n);
                    } else {
                        var view = bytes.asFloatBuffer();
                        for (int k = 0; k < n; k++) {
                            out[k] = view.get(k);
                        }
                    }
                }
                case 'i' -> decodeSigned(bytes, out, n);
                case 'u' -> decodeUnsigned(bytes, out, n);
                default -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = bytes.get(k) != 0 ? 1.0 : 0.0;
                    }
                }
            }
        }

        private void decodeSigned(ByteBuffer bytes, double[] out, int n) {
            switch (size) {
                case 1 -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = bytes.get(k);
                    }
                }
                case 2 -> {
                    var view = bytes.asShortBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = view.get(k);
                    }
                }
                case 4 -> {
                    var view = bytes.asIntBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = view.get(k);
                    }
                }
                default -> {
                    var view = bytes.asLongBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = view.get(k);
                    }
                }
            }
        }

        private void decodeUnsigned(ByteBuffer bytes, double[] out, int n) {
            switch (size) {
                case 1 -> {
                    for (int k = 0; k < n; k++) {
                        out[k] = bytes.get(k) & 0xFF;
                    }
                }
                case 2 -> {
                    var view = bytes.asShortBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = view.get(k) & 0xFFFF;
                    }
                }
                case 4 -> {
                    var view = bytes.asIntBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = view.get(k) & 0xFFFFFFFFL;
                    }
                }
                default -> {
                    var view = bytes.asLongBuffer();
                    for (int k = 0; k < n; k++) {
                        out[k] = unsignedToDouble(view.get(k));
                    }
                }
            }
        }

        /**
         * Rounds an unsigned 64-bit value to the nearest double. Halving with the lost bit
         * kept as a sticky bit leaves a value below 2^63 whose rounding is the same, so the
         * signed conversion rounds it correctly before the exact doubling.
         */
        static double unsignedToDouble(long v) {
            if (v >= 0) {
                return v;
            }
            return (double) ((v >>> 1) | (v & 1)) * 2.0;
        }
    }
}
