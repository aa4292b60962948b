package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: {@code bin/sparse-repro} found through a chain of symbolic links, honouring
 * {@code JAVA_HOME} and {@code SPARSE_REPRO_JAVA_OPTS}, and leaving the Vector API module (and
 * so the JVM's incubator warning) out of commands that compute nothing. The script runs for
 * real in a scratch checkout whose "java" prints the arguments it was given.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;
    Path checkout;
    Path javaHome;

    @BeforeEach
    void scratchCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("../bin/sparse-repro").normalize();
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(script, checkout.resolve("bin/sparse-repro"));
        Files.createDirectories(checkout.resolve("cli/target"));
        Files.createFile(checkout.resolve("cli/target/sparse-repro.jar"));
        javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        for (Path p : List.of(checkout.resolve("bin/sparse-repro"), javaHome.resolve("bin/java"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private List<String> launch(Path launcher, String javaOpts, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("SPARSE_REPRO_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("SPARSE_REPRO_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void worksThroughAChainOfRelativeSymbolicLinks() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("home/bin"));
        Path first = Files.createSymbolicLink(elsewhere.resolve("sr"), Path.of("../../checkout/bin/sparse-repro"));
        Path second = Files.createSymbolicLink(dir.resolve("sparse-repro"), Path.of("home/bin/sr"));
        List<String> jvmArgs = launch(second, "-Xmx77m -Dfoo=1", "solve", "--matrix", "A.csv");
        String jar = checkout.toRealPath().resolve("cli/target/sparse-repro.jar").toString();
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Dsparse-repro.launcher=1", "-Xmx77m", "-Dfoo=1",
                "-jar", jar, "solve", "--matrix", "A.csv"), jvmArgs);
        assertEquals(jvmArgs, launch(first, "-Xmx77m -Dfoo=1", "solve", "--matrix", "A.csv"));
    }

    @Test
    void commandsThatComputeNothingStartWithoutTheIncubatorModule() throws Exception {
        Path launcher = checkout.resolve("bin/sparse-repro");
        for (List<String> args : List.<List<String>>of(List.of("list"), List.of("--help"), List.of("solve", "--help"),
                List.of("--version"), List.of("run", "demo", "--print-spec"), List.of())) {
            List<String> jvmArgs = launch(launcher, null, args.toArray(String[]::new));
            assertTrue(jvmArgs.stream().noneMatch(a -> a.startsWith("--add-modules")), args + ": " + jvmArgs);
        }
        assertTrue(launch(launcher, null, "run", "demo").contains("--add-modules=jdk.incubator.vector"));
    }

    @Test
    void withoutATerminalOnStandardErrorNoWidthIsPassed() throws Exception {
        // ProcessBuilder gives the script pipes: no terminal, so progress will be plain lines.
        List<String> jvmArgs = launch(checkout.resolve("bin/sparse-repro"), null, "run", "demo");
        assertTrue(jvmArgs.stream().noneMatch(a -> a.startsWith("-Dsparse-repro.terminal-columns")), jvmArgs.toString());
    }
}
