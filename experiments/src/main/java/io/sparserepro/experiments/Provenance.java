package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: the code version (Maven project version, git commit), the JDK,
 * the OS and the number of cores.
 */
public final class Provenance {
    private static final System.Logger LOG = System.getLogger(Provenance.class.getName());
    private static volatile String gitCommit;

    private Provenance() {
    }

    /** The Maven project version of this build, or {@code unknown}. */
    public static String projectVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code git rev-parse HEAD} in the working directory, or {@code unknown} (read once). */
    public static String gitCommit() {
        String c = gitCommit;
        if (c == null) {
            c = readGitCommit();
            gitCommit = c;
        }
        return c;
    }

    private static String readGitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(200);
            }
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && text.matches("[0-9a-f]{40,64}") ? text : "unknown";
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "git is not available: " + e.getMessage());
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Adds {@code code}, {@code jdk}, {@code os} and {@code cores} to {@code node}. */
    public static void describeInto(ObjectNode node) {
        ObjectNode code = node.putObject("code");
        code.put("version", projectVersion());
        code.put("gitCommit", gitCommit());
        ObjectNode jdk = node.putObject("jdk");
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        ObjectNode os = node.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        node.put("cores", Runtime.getRuntime().availableProcessors());
    }
}
