package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where a result came from: the code version (Maven project version, git commit), the JDK,
 * the OS and the number of cores.
 */
public final class Provenance {
    private static final System.Logger LOG = System.getLogger(Provenance.class.getName());

    private Provenance() {
    }

    /** The Maven project version of this build, or {@code unknown}. */
    public static String projectVersion() {
        return BUILD.getOrDefault("version", "unknown");
    }

    /**
     * The git commit the code was built from (fixed at build time, so it names the code that
     * runs whatever the working directory), or {@code unknown} when it was built outside a
     * git checkout.
     */
    public static String gitCommit() {
        return BUILD.getOrDefault("gitCommit", "unknown");
    }

    /** Whether the build's checkout had uncommitted changes: {@code true}, {@code false} or {@code unknown}. */
    public static String gitDirty() {
        return BUILD.getOrDefault("gitDirty", "unknown");
    }

    private static final java.util.Map<String, String> BUILD = readBuildProperties();

    private static java.util.Map<String, String> readBuildProperties() {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        try (InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                for (String key : p.stringPropertyNames()) {
                    String v = p.getProperty(key).trim();
                    if (!v.isEmpty() && !v.startsWith("${")) { // unfiltered: not known at build time
                        values.put(key, v);
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read build.properties: " + e.getMessage());
        }
        return values;
    }

    /** Adds {@code code}, {@code jdk}, {@code os} and {@code cores} to {@code node}. */
    public static void describeInto(ObjectNode node) {
        ObjectNode code = node.putObject("code");
        code.put("version", projectVersion());
        code.put("gitCommit", gitCommit());
        code.put("gitDirty", gitDirty());
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
