package io.sparserepro.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, and how wide it is: decides between a redrawn
 * progress bar and plain progress lines (a file or a pipe must not receive carriage returns).
 *
 * <p>Java 17 cannot ask isatty(2) about standard error ({@code System.console()} looks at
 * standard input and output only), so {@code bin/sparse-repro} tests it with {@code [ -t 2 ]}
 * and passes {@code -Dsparse-repro.terminal-columns=N} only when it is a terminal. Without the
 * launcher, Linux's {@code /proc/self/fd/2} is read: a terminal is a {@code /dev/pts/*} or
 * {@code /dev/tty*} device; the width then comes from {@code $COLUMNS}, else 80.
 *
 * @param interactive standard error is a terminal
 * @param columns     its width in characters (meaningful only when interactive)
 */
record Terminal(boolean interactive, int columns) {
    static final String COLUMNS_PROPERTY = "sparse-repro.terminal-columns";

    /** Not a terminal: plain lines. */
    static final Terminal NONE = new Terminal(false, 80);

    static Terminal detect() {
        String columns = System.getProperty(COLUMNS_PROPERTY);
        if (columns != null) {
            return new Terminal(true, parseColumns(columns));
        }
        if (System.getProperty("sparse-repro.launcher") != null) {
            return NONE; // the launcher saw no terminal on standard error
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")) {
                return new Terminal(true, parseColumns(System.getenv("COLUMNS")));
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // Not Linux, or no /proc: assume no terminal, which is always safe to print to.
        }
        return NONE;
    }

    /** A width from text; 80 when missing or not a sensible number. */
    static int parseColumns(String text) {
        if (text != null) {
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 20 && n <= 1000) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return 80;
    }
}
