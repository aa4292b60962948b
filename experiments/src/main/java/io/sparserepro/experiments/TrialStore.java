package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.core.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every solved trial under a results folder, keyed by what it is rather than by the
 * declaration that asked for it: (instance point, run, solver variant). Any declaration that
 * asks for a trial already here reuses it, so widening a grid, adding runs or adding a solver
 * computes only what is new, and an adaptive search (the phase-transition threshold) can ask
 * for "the next runs at this point" at any time.
 *
 * <h2>Layout</h2>
 * <pre>
 * results/trial-store/
 *   variants/&lt;variant id&gt;.json         what a variant id means: algorithm, every option, inner solver
 *   &lt;generator&gt;/&lt;point id&gt;/point.json   the instance key: generator, parameter values, master seed
 *   &lt;generator&gt;/&lt;point id&gt;/journal.csv  trials written by unsharded runs ({@link TrialJournal} format)
 *   &lt;generator&gt;/&lt;point id&gt;/shard-i-of-N.csv   trials written by shard i of N
 *   locks/&lt;writer&gt;.lock                  held by the process writing that writer's files
 * </pre>
 * Each process writes only its own writer's files (one lock per writer: a second process for
 * the same writer is refused, or waits), so shards running at the same time on a cluster's
 * shared file system never write the same file. Readers take the union of every writer's file
 * of a point: a shard's trials count for every later run and merge.
 */
public final class TrialStore {
    /** The store's folder name under the results folder (no experiment may take this name). */
    public static final String FOLDER = "trial-store";
    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.(\\d+)\\.\\d+\\.tmp");

    private final Path root;

    /** The store under {@code resultsRoot}. */
    public TrialStore(Path resultsRoot) {
        this.root = Checks.requireNonNull("resultsRoot", resultsRoot).resolve(FOLDER);
    }

    public Path root() {
        return root;
    }

    /** The 12-hex-digit id of a variant's identity ({@code SolverRegistry.identity}). */
    public static String variantId(ObjectNode identity) {
        return ExperimentSpec.sha256Hex(identity).substring(0, 12);
    }

    /** Records what {@code id} means, once (the file is written if it does not exist). */
    public void recordVariant(String id, ObjectNode identity, String configuration) {
        Path file = root.resolve("variants").resolve(id + ".json");
        if (!Files.exists(file)) {
            ObjectNode json = identity.deepCopy();
            json.put("configuration", configuration);
            ResultFiles.writeJson(file, json);
        }
    }

    /** The folder of {@code key}'s trials. */
    public Path pointDirectory(InstanceKey key) {
        return root.resolve(key.generator()).resolve(key.id());
    }

    /** The trials of one point: (variant id, run) → trial, and what was found damaged. */
    public record PointTrials(Map<String, StoredTrial> trials, List<String> warnings) {
        /** The stored trial of {@code variant} at {@code run}, or {@code null}. */
        public StoredTrial get(String variant, int run) {
            return trials.get(variant + "#" + run);
        }
    }

    /**
     * Reads every writer's file of {@code key}'s point. Damaged rows are reported (file and
     * line) and left out; the {@code writer}'s own file is repaired (rewritten with its valid
     * rows) so that its next append starts clean, other writers' files are left to their
     * owners ({@code writer} null: a reader that repairs nothing). Temporary files of dead processes are removed.
     */
    public PointTrials load(InstanceKey key, Shard writer) {
        Path dir = pointDirectory(key);
        Map<String, StoredTrial> trials = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new PointTrials(trials, warnings);
        }
        removeStaleTemporaries(dir, warnings);
        for (Path file : journals(dir)) {
            TrialJournal.Scan scan = TrialJournal.scan(file, key::seed);
            warnings.addAll(scan.warnings());
            for (StoredTrial t : scan.trials()) {
                trials.merge(t.variant() + "#" + t.run(), t, StoredTrial::union);
            }
            if (scan.needsRewrite() && writer != null && file.getFileName().toString().equals(writer.fileName())) {
                TrialJournal.rewrite(file, scan.trials());
            }
        }
        return new PointTrials(trials, warnings);
    }

    /** Appends {@code trials} of {@code key}'s point to {@code writer}'s file, forced to disk. */
    public void append(InstanceKey key, Shard writer, List<StoredTrial> trials) {
        if (trials.isEmpty()) {
            return;
        }
        Path dir = pointDirectory(key);
        Path pointFile = dir.resolve("point.json");
        if (!Files.exists(pointFile)) {
            ResultFiles.writeJson(pointFile, key.json());
        }
        Path journal = dir.resolve(writer.fileName());
        TrialJournal.create(journal);
        TrialJournal.append(journal, trials);
    }

    private static List<Path> journals(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "{journal,shard-*-of-*}.csv")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** Deletes {@code .name.<pid>.<nanos>.tmp} files whose process is gone (left by a kill mid-write). */
    static void removeStaleTemporaries(Path dir, List<String> warnings) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : stream) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(p);
                warnings.add("removed " + dir.getFileName() + "/" + p.getFileName()
                        + ", a temporary file left by an interrupted write");
            }
        } catch (IOException | NumberFormatException e) {
            warnings.add("cannot clean temporary files in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Takes the lock of {@code writer}: one process at a time writes a writer's files. If
     * another process holds it, fails with a message naming that process, or with
     * {@code wait} blocks until it is released.
     */
    public Lock lock(Shard writer, boolean wait) {
        Path file = root.resolve("locks").resolve(writer.fileName().replace(".csv", ".lock"));
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
                if (lock == null && wait) {
                    lock = channel.lock();
                }
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new IllegalStateException("the results folder " + root.getParent() + " (" + writer.fileName()
                        + ") is already being written by this process");
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new LockedException("the results folder " + root.getParent() + " is being written by another "
                        + "process" + (holder.isEmpty() ? "" : " (" + holder + ")") + " for "
                        + (writer.isAll() ? "unsharded runs" : "shard " + writer)
                        + "; wait for it to finish, add --wait to queue behind it, or use another --results folder");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on "
                    + java.net.InetAddress.getLocalHost().getHostName()).getBytes(StandardCharsets.UTF_8)), 0);
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Thrown when another process holds a writer's lock. */
    public static final class LockedException extends IllegalStateException {
        LockedException(String message) {
            super(message);
        }
    }

    /** A held writer lock; closing releases it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
