package io.sparserepro.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Error translation shared by the readers and writers, so every format words it alike. */
final class FileSupport {
    private FileSupport() {
    }

    private static final System.Logger LOG = System.getLogger("io.sparserepro.core.io");

    /** Where the readers' notices go when the caller gives no consumer. */
    static final java.util.function.Consumer<String> LOG_NOTICE = m -> LOG.log(System.Logger.Level.INFO, m);

    /**
     * Translates an I/O failure on {@code file}: a missing file is the user's mistake and
     * becomes an {@link IllegalArgumentException}; anything else (permissions, a full disk, a
     * directory given as a file) stays an I/O error but carries the file name.
     */
    static RuntimeException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException("file " + file + " does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new IllegalArgumentException("cannot read file " + file + ": permission denied");
        }
        if (Files.isDirectory(file)) {
            return new IllegalArgumentException("cannot read file " + file + ": it is a directory");
        }
        return new UncheckedIOException("cannot read file " + file + ": " + reason(e), e);
    }

    /** What went wrong, in words (the exception's reason without its Java class name). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static RuntimeException writeFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            Path parent = file.toAbsolutePath().getParent();
            return new IllegalArgumentException("cannot write file " + file + ": directory "
                    + (parent == null ? "(none)" : parent) + " does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new IllegalArgumentException("cannot write file " + file + ": permission denied");
        }
        if (Files.isDirectory(file)) {
            return new IllegalArgumentException("cannot write file " + file + ": it is a directory");
        }
        return new UncheckedIOException("cannot write file " + file + ": " + reason(e), e);
    }

    /** Writes a file's content into an open channel; the channel is closed by the caller. */
    @FunctionalInterface
    interface ChannelWriter {
        void write(java.nio.channels.FileChannel channel) throws IOException;
    }

    /**
     * A UTF-8 writer on {@code channel} that the caller flushes (and need not close). Not
     * {@link java.nio.channels.Channels#newWriter}: its encoder issues a single
     * {@code write} per buffer and silently drops what a partial write (a file-size limit,
     * a disk filling up) left unwritten; {@link java.nio.channels.Channels#newOutputStream}
     * loops until every byte is written, so the next write reports the failure.
     */
    static java.io.BufferedWriter textWriter(java.nio.channels.FileChannel channel) {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code file} whole or not at all: the content goes to a hidden temporary file in
     * the same folder ({@code .NAME.RANDOM.tmp}), is forced to the device, and is then renamed
     * over {@code file} (atomically where the file system can). A failure part-way — a full
     * disk, a quota, a kill — leaves the previous file, if any, untouched, and the temporary is
     * deleted (a kill -9 can leave it; it is hidden and named after the file). A symbolic link
     * is written through, to its target, not replaced.
     */
    static void writeAtomically(Path file, ChannelWriter body) {
        Path target = file;
        try {
            if (Files.isSymbolicLink(file) && Files.exists(file)) {
                target = file.toRealPath();
            }
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot write file " + file + ": it is a directory");
        }
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        // Same folder, so the rename stays on one file system; cut so the name fits NAME_MAX.
        Path temporary = folder.resolve("." + (name.length() > 200 ? name.substring(0, 200) : name) + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        boolean moved = false;
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(temporary,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                body.write(ch);
                ch.force(true);
            }
            try {
                Files.move(temporary, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw writeFailure(file, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write has already failed; that error is the one to report.
                }
            }
        }
    }

    /**
     * Opens a UTF-8 text file whose undecodable bytes become U+FFFD. A strict decoder would
     * fail while filling the reader's buffer, thousands of lines before the bad one; replacing
     * lets {@link #requireDecodable} report the line that actually holds the bad bytes.
     */
    static BufferedReader openText(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8));
    }

    /**
     * Rejects a line holding U+FFFD: the mark of undecodable bytes, and never part of a number
     * in a legitimate file either.
     */
    static void requireDecodable(Path file, long lineNumber, String line) {
        int at = line.indexOf('\uFFFD');
        if (at >= 0) {
            throw new DataFormatException("file " + file + ", line " + lineNumber + ", character "
                    + (at + 1) + ": not valid UTF-8 text (is it a binary file, such as .npy?)");
        }
    }

    /** The file name without directories, lower-cased, for choosing a format. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }
}
