package io.sparserepro.cli;

import io.sparserepro.algorithms.unfolding.net.EpochRecord;
import io.sparserepro.algorithms.unfolding.net.TrainingListener;
import io.sparserepro.algorithms.unfolding.net.TrainingRecipe;
import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.ProgressListener;
import io.sparserepro.experiments.unfolding.Fig3Experiment;
import io.sparserepro.experiments.unfolding.Fig3Results;
import io.sparserepro.experiments.unfolding.Fig3Spec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparse-repro train}: trains OMP-Net or IHT-Net on the unfolding paper's Fig. 3 data
 * (partial DFT with a hidden support pattern) with the paper's recipe, checkpointed, and writes
 * the trained weights for {@code solve --algorithm omp-net --weights FILE}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train OMP-Net or IHT-Net on the unfolding paper's Fig. 3 data and write the trained weights.",
                "",
                "Training checkpoints every 10 epochs and when interrupted (Ctrl-C): run the same command again "
                        + "to resume; it ends with the same weights as an uninterrupted run. A finished run of the "
                        + "same setting is reused."})
final class TrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "omp-net or iht-net")
    String network;

    @ArgGroup(exclusive = true)
    ExperimentOptions.Size size;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (default: the paper's 1000; --quick: 150 for omp-net, 40 for iht-net)")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "master seed of the data and the shuffling "
            + "(default: 2025)")
    Long seed;

    @Option(names = "--authors-selection", description = "select the checkpoint as the authors do (best validation "
            + "MSE among every 10th epoch) instead of after every epoch")
    boolean authorsSelection;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores); the "
            + "weights do not depend on it")
    Integer threads;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "results folder (default: ${DEFAULT-VALUE}); the run goes to "
                    + "DIR/unfolding/fig3-<quick|full>/<network>[-<epochs>ep-seed<S>[-every10]]")
    Path results;

    @Option(names = "--weights-out", paramLabel = "FILE", description = "also copy the trained weights here")
    Path weightsOut;

    TrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Fig3Spec.Network net = switch (network.toLowerCase(Locale.ROOT)) {
            case "omp-net" -> Fig3Spec.Network.OMP_NET;
            case "iht-net" -> Fig3Spec.Network.IHT_NET;
            default -> throw new IllegalArgumentException("unknown network '" + network + "': use omp-net or iht-net");
        };
        Mode mode = size != null && size.quick ? Mode.QUICK : Mode.FULL;
        Fig3Spec base = Fig3Spec.of(net, mode);
        Fig3Spec run = base;
        if (epochs != null) {
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs must be at least 1: " + epochs);
            }
            run = run.withEpochs(epochs, Math.max(1, Math.min(run.decayEvery(), epochs / 2)));
        }
        if (seed != null) {
            run = run.withSeed(seed);
        }
        if (authorsSelection) {
            run = run.withSelection(TrainingRecipe.SelectionRule.BEST_VALIDATION_EVERY_10_EPOCHS);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + workers);
        }
        String name = run.equals(base) ? net.id() : net.id() + "-" + run.epochs() + "ep-seed" + run.seed()
                + (authorsSelection ? "-every10" : "");
        Path folder = Fig3Runs.folder(results, mode).resolve(name);
        PrintWriter out = spec.commandLine().getOut();
        Fig3Experiment.Outcome outcome = Fig3Runs.train(run, folder, workers, context, spec.commandLine().getErr());
        if (!outcome.finished()) {
            out.println("training stopped; its checkpoint is in " + folder.resolve(Fig3Experiment.TRAINING)
                    + ": run the same command again to resume");
            out.flush();
            return 130;
        }
        Path weights = folder.resolve(Fig3Experiment.WEIGHTS_FILE);
        if (weightsOut != null) {
            if (weightsOut.getParent() != null) {
                Files.createDirectories(weightsOut.getParent());
            }
            Files.copy(weights, weightsOut, StandardCopyOption.REPLACE_EXISTING);
            weights = weightsOut;
        }
        out.println(Fig3Runs.summary(run, folder, outcome));
        out.println("weights: " + weights + "  (use: sparse-repro solve --algorithm " + net.id() + " --weights "
                + weights + " ...)");
        out.flush();
        return 0;
    }

    /** Running a Fig. 3 network from the CLI: the folder, the progress bar, Ctrl-C, the summary. */
    static final class Fig3Runs {
        private Fig3Runs() {
        }

        static Path folder(Path results, Mode mode) {
            return results.resolve("unfolding").resolve("fig3-" + mode.label());
        }

        /**
         * Trains (or resumes, or reuses) {@code spec} into {@code folder} with a progress bar on
         * {@code err}. Ctrl-C asks the trainer to stop after the current epoch and waits for its
         * checkpoint, so an interrupted run loses nothing.
         */
        static Fig3Experiment.Outcome train(Fig3Spec spec, Path folder, int threads, CliContext context,
                                            PrintWriter err) throws IOException {
            String task = spec.network().label() + " training";
            ProgressListener progress = context.progressListener(task, err);
            if (progress instanceof ConsoleProgress bar) {
                bar.counting("epochs");
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    done.await(60, TimeUnit.SECONDS); // the trainer finishes its epoch and checkpoints
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return Fig3Experiment.run(spec, folder, threads, new TrainingListener() {
                    @Override
                    public void started(int firstEpoch, int total) {
                        progress.started(total);
                        progress.trialsReused(firstEpoch - 1);
                    }

                    @Override
                    public void epochFinished(EpochRecord r, int total) {
                        if (progress instanceof ConsoleProgress bar) {
                            bar.status(String.format(Locale.ROOT, "loss %.2e val %.2e", r.trainingLoss(),
                                    r.validationLoss()));
                        }
                        progress.trialsDone(1);
                    }

                    @Override
                    public void notice(String message) {
                        progress.warning(message);
                    }
                }, stop::get);
            } finally {
                progress.finished();
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting (Ctrl-C): the hook is running and sees the latch
                }
            }
        }

        /** A few lines on what the run achieved. */
        static String summary(Fig3Spec spec, Path folder, Fig3Experiment.Outcome outcome) throws IOException {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%s (%d epochs, %s): %s in %.1f s of training%n",
                    spec.network().label(), spec.epochs(), folder, outcome.reused() ? "reused" : "trained",
                    outcome.trainingSeconds()));
            for (Fig3Results.Summary r : Fig3Results.readSummary(folder)) {
                s.append(String.format(Locale.ROOT, "  %-10s %-24s MSE %.3e  median relative error %.3e%n",
                        r.set(), r.algorithm(), r.mse(), r.medianRelative()));
            }
            return s.toString().stripTrailing();
        }
    }
}
