package io.sparserepro.cli;

import java.io.PrintWriter;

/** The CLI with the test context, for tests that start real JVM processes. */
public final class TestMain {
    private TestMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = SparseReproCli.commandLine(CliTestSupport.context(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
