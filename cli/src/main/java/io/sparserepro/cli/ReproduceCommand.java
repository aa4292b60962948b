package io.sparserepro.cli;

import io.sparserepro.experiments.Mode;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.figures.Figure;
import io.sparserepro.figures.FigureOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparse-repro reproduce}: runs the experiments behind the papers' figures (only what
 * is missing: every trial is stored and reused), draws every figure into
 * {@code results/figures/} and writes {@code results/REPORT.md}. What {@code ./reproduce.sh}
 * calls.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run the experiments behind the papers' figures (what is missing), draw the figures into "
                + "<results>/figures/ and write <results>/REPORT.md.",
                "",
                "--full (the default) is the papers' scale, --quick the same shapes in minutes."})
final class ReproduceCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FIGURE", description = "figures to make (default: all; see 'list figures')")
    List<String> figureIds = new ArrayList<>();

    @ArgGroup(exclusive = true)
    ExperimentOptions.Size size;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "results folder (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "72",
            description = "PNG resolution (default ${DEFAULT-VALUE}; 300 for print)")
    int dpi;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "the regression data sets and their registry datasets.csv (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--wait", description = "if another process is writing the same results, wait for it")
    boolean waitForLock;

    ReproduceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Mode mode = size != null && size.quick ? Mode.QUICK : Mode.FULL;
        List<String> ids = new ArrayList<>(figureIds.isEmpty() ? Reproduction.figureIds(context) : figureIds);
        boolean regression = ids.remove(DatasetReproduction.FIGURE); // drawn by DatasetReproduction, below
        List<Figure> figures = new ArrayList<>();
        for (String id : ids) {
            figures.add(context.figures().get(id));
            if (!UnfoldingReproduction.handles(id)) {
                Reproduction.recipe(id);
            }
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new IllegalArgumentException("--threads must be at least 1: " + workers);
        }
        FigureOptions figureOptions = FigureOptions.DEFAULT.withDpi(dpi);
        PrintWriter out = spec.commandLine().getOut();
        Instant start = Instant.now();
        Map<Reproduction.Experiment, Reproduction.Made> experiments = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (UnfoldingReproduction.handles(f.id())) {
                continue;
            }
            for (Reproduction.Experiment experiment : Reproduction.recipe(f.id()).experiments()) {
                if (!experiments.containsKey(experiment)) {
                    RunOptions options = RunOptions.in(results).withThreads(workers).withWaitForLock(waitForLock)
                            .withListener(context.progressListener(experiment.name() + " (" + mode.label() + ")",
                                    spec.commandLine().getErr()));
                    experiments.put(experiment, Reproduction.run(context, experiment, mode, options, out));
                }
            }
        }
        Path figuresDir = results.resolve("figures");
        Files.createDirectories(figuresDir);
        Map<Figure, List<Path>> drawn = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (UnfoldingReproduction.handles(f.id())) {
                continue;
            }
            List<Path> files = f.draw(Reproduction.recipe(f.id()).inputs(experiments), figuresDir, figureOptions);
            drawn.put(f, files);
            out.println(f.id() + ": " + files.get(0));
        }
        String regressionSection = regression ? DatasetReproduction.run(context, mode, results, dataDir, figuresDir,
                figureOptions, workers, out) : "";
        List<UnfoldingReproduction.Made> unfolding = UnfoldingReproduction.reproduce(figures, results, mode, workers,
                figuresDir, figureOptions, context, out, spec.commandLine().getErr());
        Path report = results.resolve("REPORT.md");
        Files.writeString(report, Report.text(context, mode, drawn, experiments, results,
                Duration.between(start, Instant.now())) + regressionSection
                + UnfoldingReproduction.report(unfolding, results));
        out.println("report: " + report);
        out.flush();
        return 0;
    }
}
