package io.sparserepro.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 3: a write that fails part-way (a full disk) must leave neither a truncated
 * file nor a temporary behind, and must not damage a file it was replacing.
 */
class AtomicWriteTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** A body that writes some bytes, then fails as write(2) does on a full disk. */
    private static FileSupport.ChannelWriter failingAfterSomeBytes() {
        return ch -> {
            ch.write(ByteBuffer.wrap("1.0\n2.0\n3.".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            throw new IOException("No space left on device");
        };
    }

    @Test
    void aFailedWriteLeavesNoPartialFileAndNoTemporary() throws IOException {
        Path x = dir.resolve("x.csv");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> FileSupport.writeAtomically(x, failingAfterSomeBytes()));
        assertEquals("cannot write file " + x + ": No space left on device", e.getMessage());
        assertEquals(List.of(), names(), "nothing left behind");
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws IOException {
        Path x = dir.resolve("x.csv");
        Files.writeString(x, "old content\n");
        assertThrows(UncheckedIOException.class, () -> FileSupport.writeAtomically(x, failingAfterSomeBytes()));
        assertEquals("old content\n", Files.readString(x));
        assertEquals(List.of("x.csv"), names());
    }

    @Test
    void theWritersReplaceAFileWholeAndLeaveNoTemporary() throws IOException {
        Path csv = dir.resolve("v.csv");
        Path npy = dir.resolve("v.npy");
        Files.writeString(csv, "9\n".repeat(1000));
        CsvFiles.writeVector(csv, new double[] {1, 2});
        NpyFiles.writeMatrix(npy, DenseMatrix.fromRows(new double[][] {{1, 2}, {3, 4}}));
        assertEquals("1.0\n2.0\n", Files.readString(csv));
        assertArrayEquals(new double[] {1, 3, 2, 4}, NpyFiles.readMatrix(npy).data());
        assertEquals(List.of("v.csv", "v.npy"), names());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughNotReplaced() throws IOException {
        Path target = dir.resolve("target.csv");
        Files.writeString(target, "0\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        CsvFiles.writeVector(link, new double[] {5});
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("5.0\n", Files.readString(target));
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Path x = dir.resolve("missing/x.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvFiles.writeVector(x, new double[] {1}));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(x));
    }
}
