package io.sparserepro.cli;

import io.sparserepro.core.io.MatrixFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks on an output path made before any work, so that a long solve is not lost to a path
 * that cannot be written, and an input is never overwritten by its own result.
 */
final class OutputChecks {
    private OutputChecks() {
    }

    /** The support file written beside an estimate: {@code x.csv} or {@code x.npy} → {@code x.support.csv}. */
    static Path supportFileFor(Path estimate) {
        String name = estimate.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return estimate.resolveSibling(stem + ".support.csv");
    }

    /**
     * Refuses {@code output} if it is one of the inputs: compared as files (real paths, so a
     * symbolic link, a hard link or another spelling of the same path is caught).
     *
     * @param inputs option name → input file, for the message
     */
    static void refuseInputs(String option, Path output, Map<String, Path> inputs) {
        if (!Files.exists(output)) {
            return; // a file that does not exist yet cannot be an input
        }
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path file = input.getValue();
            if (file == null || !Files.exists(file)) {
                continue;
            }
            boolean same;
            try {
                same = Files.isSameFile(output, file);
            } catch (IOException e) {
                same = output.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
            }
            if (same) {
                throw new IllegalArgumentException(option + " " + output + " is the " + input.getKey() + " file "
                        + file + "; writing it would destroy the input: choose another name");
            }
        }
    }

    /**
     * Checks that {@code output} can be written: a known format, not a folder, in an existing
     * folder where a file can be created (tried for real, with a probe file removed at once:
     * permissions, read-only file systems and ACLs all show up, also for root).
     */
    static void requireWritable(String option, Path output) {
        MatrixFiles.Format.of(output); // a known extension, or a message listing them
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(option + " " + output + " is a directory; give a file name");
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + output + ": directory " + folder + " does not exist");
        }
        if (Files.exists(output) && !Files.isWritable(output)) {
            throw new IllegalArgumentException(option + " " + output + " exists and is read-only");
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(folder, ".sparse-repro-probe-", ".tmp");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + " " + output + ": cannot write in folder " + folder
                    + ": permission denied");
        } catch (FileSystemException e) {
            throw new IllegalArgumentException(option + " " + output + ": cannot write in folder " + folder + ": "
                    + (e.getReason() == null ? "file system error" : e.getReason()));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + output + ": cannot write in folder " + folder + ": "
                    + SparseReproCli.describe(e));
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // A probe we could create but not delete: harmless, and hidden.
                }
            }
        }
    }
}
