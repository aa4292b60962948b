package io.sparserepro.core.io;

import io.sparserepro.core.Checks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Text files written whole or not at all, as the matrix writers write theirs: to a hidden
 * temporary in the same folder, forced to the device, then renamed over the file. A full disk
 * leaves the previous file (or none) and no temporary.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8; errors name the file (see {@link CsvFiles} for their kinds). */
    public static void writeText(Path file, CharSequence text) {
        Checks.requireNonNull("file", file);
        Checks.requireNonNull("text", text);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(text));
        FileSupport.writeAtomically(file, ch -> {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        });
    }
}
