package io.sparserepro.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Error translation shared by the readers and writers, so every format words it alike. */
final class FileSupport {
    private FileSupport() {
    }

    /**
     * Translates an I/O failure on {@code file}: a missing file is the user's mistake and
     * becomes an {@link IllegalArgumentException}; anything else (permissions, a full disk, a
     * directory given as a file) stays an I/O error but carries the file name.
     */
    static RuntimeException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IllegalArgumentException("file " + file + " does not exist");
        }
        return new UncheckedIOException("cannot read file " + file + ": " + e, e);
    }

    static RuntimeException writeFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            Path parent = file.toAbsolutePath().getParent();
            return new IllegalArgumentException("cannot write file " + file + ": directory "
                    + (parent == null ? "(none)" : parent) + " does not exist");
        }
        return new UncheckedIOException("cannot write file " + file + ": " + e, e);
    }

    /** The file name without directories, lower-cased, for choosing a format. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }
}
