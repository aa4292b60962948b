package io.sparserepro.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code SparseReproCli.main} in a child JVM on the test class path, for what an
 * in-process run cannot show: a heap limit, a file-size limit, the real exit code.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    record Result(int code, String out, String err) {
    }

    /**
     * @param shellPrefix a shell command run before the JVM starts, e.g. {@code ulimit -f 2}
     *                    (empty for none)
     * @param jvmOptions  options for the child JVM, e.g. {@code -Xmx32m}
     */
    static Result run(Path workingDir, String shellPrefix, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                (shellPrefix.isEmpty() ? "" : shellPrefix + "; ") + "exec \"$@\"", "sh"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // No hsperfdata file: under a file-size limit it is a write the test did not ask for.
        command.add("-XX:-UsePerfData");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SparseReproCli.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 180 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
