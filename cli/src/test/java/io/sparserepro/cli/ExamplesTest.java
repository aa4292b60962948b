package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the README's {@code solve} example runs as written on the shipped {@code examples/},
 * and those files are exactly what {@link ExampleFiles} generates.
 */
class ExamplesTest {
    private static final Path REPO = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..")
            .normalize();
    private static final Path EXAMPLES = REPO.resolve("examples");

    @TempDir
    Path dir;

    @Test
    void theShippedExampleIsWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("examples.regenerate")) {
            ExampleFiles.write(EXAMPLES);
        }
        ExampleFiles.write(dir);
        for (String name : List.of("A.csv", "y.csv", "support.csv")) {
            assertTrue(Files.isRegularFile(EXAMPLES.resolve(name)), "examples/" + name + " is shipped");
            assertArrayEquals(Files.readAllBytes(dir.resolve(name)), Files.readAllBytes(EXAMPLES.resolve(name)),
                    "examples/" + name + " differs from what ExampleFiles writes");
        }
    }

    /** The README's {@code bin/sparse-repro solve ...} command, continuation lines joined. */
    static List<String> readmeSolveCommand() throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve("README.md"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("bin/sparse-repro solve ")) {
                StringBuilder command = new StringBuilder();
                int j = i;
                String line;
                do {
                    line = lines.get(j++).replaceFirst("\\s+#.*$", "").strip();
                    command.append(' ').append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
                } while (line.endsWith("\\"));
                return new ArrayList<>(Arrays.asList(command.toString().strip().split("\\s+")));
            }
        }
        throw new AssertionError("README.md has no line starting with 'bin/sparse-repro solve '");
    }

    @Test
    void theReadmeSolveExampleRunsAsWrittenAndFindsTheTrueSupport() throws IOException {
        List<String> command = readmeSolveCommand();
        assertEquals("bin/sparse-repro", command.remove(0));
        String[] args = command.toArray(String[]::new);
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("examples/")) {
                assertTrue(Files.isRegularFile(REPO.resolve(args[i])), args[i] + " is shipped");
                args[i] = REPO.resolve(args[i]).toString(); // the README runs from the checkout's root
            } else if (i > 0 && args[i - 1].equals("--output")) {
                output = dir.resolve(args[i]);
                args[i] = output.toString();
            }
        }
        CliTestSupport.Result r = CliTestSupport.run(args);
        assertEquals(0, r.code(), r.err());
        String truth = Files.readAllLines(EXAMPLES.resolve("support.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).reduce((a, b) -> a + " " + b).orElseThrow();
        assertTrue(r.out().contains("support (4 indices, 0-based): " + truth), r.out());
        assertTrue(output != null && Files.isRegularFile(output), "the example writes its estimate");
        assertTrue(Files.isRegularFile(OutputChecks.supportFileFor(output)));
    }
}
