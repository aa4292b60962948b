package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How every result file is written: to a temporary file in the same folder, forced to disk,
 * then renamed over the target, so a reader (or a crash) never sees half a file. Temporary
 * names carry the writer's process id ({@code .<name>.<pid>.<nanos>.tmp}) so that a later run
 * can remove those of processes that died mid-write ({@link TrialStore#load}).
 */
public final class ResultFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code text} to {@code file} atomically. */
    public static void writeAtomically(Path file, String text) {
        writeAtomically(file, out -> out.write(text));
    }

    /** Writes a JSON file atomically (indented, with a final newline). */
    public static void writeJson(Path file, ObjectNode content) {
        writeAtomically(file, out -> {
            out.write(JSON.writeValueAsString(content));
            out.write('\n');
        });
    }

    /** Streams {@code content} to {@code file} atomically (temporary file, force, rename). */
    static void writeAtomically(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            // Created like any file (permissions from the umask, not createTempFile's 0600), so
            // collaborators sharing a results folder can read the results.
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
                    // Content may close what it was given (a CSV printer does): that only flushes,
                    // so the channel stays open to be forced to disk below.
                    content.writeTo(new FilterWriter(out) {
                        @Override
                        public void close() throws IOException {
                            out.flush();
                        }
                    });
                    out.flush();
                    channel.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code file} to {@code file.<reason>-<k>} (the first free k): kept, never deleted. */
    static Path setAside(Path file, String reason) {
        try {
            for (int k = 1; ; k++) {
                Path target = file.resolveSibling(file.getFileName() + "." + reason + "-" + k);
                if (!Files.exists(target)) {
                    return Files.move(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside " + file + ": " + e.getMessage(), e);
        }
    }
}
