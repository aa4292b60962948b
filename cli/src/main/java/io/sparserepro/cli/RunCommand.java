package io.sparserepro.cli;

import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.Registries;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.RunOutcome;
import io.sparserepro.experiments.Shard;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sparse-repro run}: runs (or resumes) an experiment, or one shard of it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run (or resume) an experiment into results/<experiment>/<hash>/.",
                "",
                "An interrupted run resumes where it stopped. --shard i/N runs one part, e.g. as a cluster "
                        + "array job; then 'sparse-repro merge' combines the parts."})
final class RunCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--print-spec", description = "print the declaration as JSON and exit (edit it, then run it with --spec)")
    boolean printSpec;

    @Mixin
    ExperimentOptions selection;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "i/N", converter = ShardConverter.class,
            description = "run only shard i of N (1-based) into shard-i-of-N.csv")
    Shard shard;

    @Option(names = "--wait", description = "if another process is writing the same results, wait for it instead "
            + "of stopping")
    boolean waitForLock;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (selection.experiment != null && selection.specFile == null && context.phases().contains(selection.experiment)) {
            return runPhase();
        }
        ExperimentSpec declaration = selection.spec(context);
        if (printSpec) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(declaration.canonicalJson().toPrettyString());
            out.flush();
            return 0;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + workers);
        }
        Shard part = shard == null ? Shard.ALL : shard;
        ExperimentRunner runner = new ExperimentRunner(Registries.of(context.solvers()));
        try {
            declaration.validate(runner.registries());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (selection.specFile == null
                    ? " (choose others with --algorithms)" : ""), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String label = declaration.name() + " (" + selection.label() + ")"
                + (part.isAll() ? "" : " shard " + part);
        RunOptions options = RunOptions.in(selection.results).withThreads(workers).withShard(part)
                .withListener(context.progressListener(label, err)).withWaitForLock(waitForLock);
        SparseReproCli.activity("running " + label + " with " + workers + " thread" + (workers == 1 ? "" : "s"));
        RunOutcome outcome = runSavingOnInterrupt(runner, () -> runner.run(declaration, options));
        out.printf("%s: %d trials in scope, %d reused, %d computed in %.2f s with %d thread%s%n", label,
                outcome.inScope(), outcome.reused(), outcome.computed(), outcome.seconds(), workers,
                workers == 1 ? "" : "s");
        out.println("results: " + outcome.output());
        if (!part.isAll()) {
            out.println("when every shard is done: sparse-repro merge " + selection.selector() + " --results "
                    + selection.results);
        }
        if (!outcome.warnings().isEmpty()) {
            out.println(outcome.warnings().size() + " problem(s) in existing files were repaired; see the warnings above");
        }
        out.flush();
        return 0;
    }

    /**
     * Runs, and on Ctrl-C (SIGINT/SIGTERM: the JVM runs shutdown hooks) asks the runner to
     * stop, so that it writes the finished trials of its current batch before the JVM exits;
     * kill -9 cannot be caught and loses at most that batch, which a rerun recomputes.
     */
    static <T> T runSavingOnInterrupt(ExperimentRunner runner, java.util.function.Supplier<T> work) {
        Thread saveOnExit = new Thread(() -> {
            runner.requestStop();
            try {
                // Not running.join(): main calls System.exit, which waits for this hook.
                SparseReproCli.COMMAND_DONE.await(SAVE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sparse-repro-save-on-exit");
        Runtime.getRuntime().addShutdownHook(saveOnExit);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM exits when it returns.
            }
        }
    }

    /** A phase-transition experiment: adaptive searches over k, in rounds. */
    private int runPhase() {
        if (selection.algorithms != null || selection.runs != null || printSpec) {
            throw new IllegalArgumentException(selection.experiment + " is a phase-transition experiment: "
                    + "--algorithms, --runs and --print-spec apply to grid experiments only");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + workers);
        }
        Shard part = shard == null ? Shard.ALL : shard;
        PrintWriter out = spec.commandLine().getOut();
        String label = selection.experiment + " (" + selection.label() + ")" + (part.isAll() ? "" : " shard " + part);
        RunOptions options = RunOptions.in(selection.results).withThreads(workers).withShard(part)
                .withListener(context.progressListener(label, spec.commandLine().getErr()))
                .withWaitForLock(waitForLock);
        var outcome = Reproduction.runPhase(context, selection.experiment, selection.mode(), options, out);
        if (outcome.complete()) {
            out.println("results: " + outcome.directory());
        }
        out.flush();
        return 0;
    }

    private static final long SAVE_TIMEOUT_MILLIS = 10_000;

    /** Parses {@code i/N}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
