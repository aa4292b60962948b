package io.sparserepro.cli;

import io.sparserepro.core.Checks;
import io.sparserepro.experiments.Provenance;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sparse-repro} command.
 *
 * <p>Exit codes: 0 success; 2 a usage error — a bad option or argument, an unknown algorithm
 * or experiment, a missing or malformed file, a shape mismatch, K out of range — reported as
 * one line on standard error, never a stack trace; 1 a failure that is not the user's input
 * (an I/O error, an incomplete merge, a solver failure, running out of memory), also one
 * line. Out of memory names what did not fit (the file and its size when a reader knew it,
 * else what the command was doing) and how to raise the heap limit.
 */
@Command(name = "sparse-repro", mixinStandardHelpOptions = true, versionProvider = SparseReproCli.Version.class,
        description = "Greedy sparse recovery: solve your own problems, run and merge the papers' experiments.",
        subcommands = CommandLine.HelpCommand.class)
public final class SparseReproCli implements Runnable {
    /**
     * The command line reports the library's warnings itself, one line each, through the run's
     * progress listener; the library's System.Logger output (java.util.logging by default)
     * would print each twice, and break the progress bar. Held so the setting is not collected.
     */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.sparserepro");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: solve, run, merge, list or reproduce");
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        LIBRARY_LOG.setLevel(java.util.logging.Level.SEVERE);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(CliContext.defaults(), out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through. The failed allocation is unreachable now, so
            // there is room again to print one line instead of a stack trace.
            err.println(outOfMemory(commandName(args), e, activity, Runtime.getRuntime().maxMemory()));
            code = 1;
        }
        out.flush();
        err.flush();
        COMMAND_DONE.countDown();
        System.exit(code);
    }

    /** What the command is doing, for the out-of-memory message; set by the commands. */
    private static volatile String activity;

    /** Records what the command is doing now, e.g. "reading --matrix A.npy". */
    static void activity(String what) {
        activity = what;
    }

    static String bytes(long n) {
        return io.sparserepro.core.io.InputTooLargeError.describeBytes(n);
    }

    private static String commandName(String[] args) {
        for (String a : args) {
            if (List.of("solve", "run", "merge", "list").contains(a)) {
                return "sparse-repro " + a;
            }
        }
        return "sparse-repro";
    }

    /**
     * The one line printed for an {@link OutOfMemoryError}: what did not fit (a reader's
     * {@link io.sparserepro.core.io.InputTooLargeError} names the file and size; otherwise the
     * command's current activity), the heap limit, and how to raise it with
     * {@code SPARSE_REPRO_JAVA_OPTS} (read by {@code bin/sparse-repro}).
     *
     * @param maxHeap the JVM's heap limit in bytes ({@link Runtime#maxMemory()})
     */
    static String outOfMemory(String command, OutOfMemoryError e, String activity, long maxHeap) {
        StringBuilder line = new StringBuilder(command).append(": out of memory");
        long needed = 0;
        if (e instanceof io.sparserepro.core.io.InputTooLargeError tooLarge) {
            line.append(": ").append(tooLarge.getMessage());
            needed = tooLarge.bytes();
        } else if (activity != null) {
            line.append(" while ").append(activity);
        }
        // Room for the data twice over (a solver keeps copies) and at least double the limit.
        long want = Math.max(2 * maxHeap, 3 * needed);
        long gib = Math.max(1, (want + (1L << 30) - 1) >> 30);
        line.append("; the Java heap limit is ").append(bytes(maxHeap))
                .append(": raise it, e.g. SPARSE_REPRO_JAVA_OPTS=-Xmx").append(gib).append("g bin/sparse-repro ...");
        return line.toString();
    }

    /**
     * Counted down when the command has finished and printed everything: a shutdown hook that
     * interrupted a run (Ctrl-C) waits for it, so the run saves its trials and the user sees
     * the one-line report before the JVM halts.
     */
    static final java.util.concurrent.CountDownLatch COMMAND_DONE = new java.util.concurrent.CountDownLatch(1);

    /** The command line with every subcommand and the error handling described above. */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        Checks.requireNonNull("context", context);
        CommandLine cmd = new CommandLine(new SparseReproCli());
        cmd.addSubcommand(new SolveCommand(context));
        cmd.addSubcommand(new RunCommand(context));
        cmd.addSubcommand(new MergeCommand(context));
        cmd.addSubcommand(new ListCommand(context));
        cmd.addSubcommand(new ReproduceCommand(context));
        cmd.addSubcommand(new TrainCommand(context));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandName().equals("sparse-repro") ? "sparse-repro: " + ex.getMessage()
                    + " (see 'sparse-repro --help')"
                    : "sparse-repro " + failed.getCommandName() + ": " + ex.getMessage() + " (see 'sparse-repro "
                    + failed.getCommandName() + " --help')");
            failed.getErr().flush();
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfMemoryError oom) { // e.g. in a worker thread, wrapped
                    failed.getErr().println(outOfMemory("sparse-repro " + failed.getCommandName(), oom, activity,
                            Runtime.getRuntime().maxMemory()));
                    failed.getErr().flush();
                    return 1;
                }
            }
            int code;
            if (ex instanceof IllegalArgumentException) {
                code = 2;
            } else if (ex instanceof IllegalStateException || ex instanceof UncheckedIOException) {
                code = 1;
            } else if (ex instanceof java.io.IOException io) {
                ex = new UncheckedIOException(io.getMessage(), io);
                code = 1;
            } else {
                ex.printStackTrace(failed.getErr()); // a bug: the trace is what a report needs
                return 1;
            }
            String message = ex.getMessage();
            if (ex instanceof UncheckedIOException io && (message == null || message.contains("java."))) {
                message = describe(io.getCause());
            } else if (message == null) {
                message = ex.getClass().getSimpleName();
            }
            failed.getErr().println("sparse-repro " + failed.getCommandName() + ": " + message.lines().findFirst().orElse(""));
            failed.getErr().flush();
            return code;
        });
        return cmd;
    }

    /** An I/O failure in words: the file and what went wrong, without Java class names. */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? "file system error" : fs.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code --version}: the Maven project version and the git commit the code was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sparse-repro " + Provenance.projectVersion() + " (commit " + Provenance.gitCommit()
                    + ("true".equals(Provenance.gitDirty()) ? ", with uncommitted changes" : "") + ")",
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
