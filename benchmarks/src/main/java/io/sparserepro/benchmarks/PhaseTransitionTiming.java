package io.sparserepro.benchmarks;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.experiments.ExperimentRunner;
import io.sparserepro.experiments.RunOptions;
import io.sparserepro.experiments.phase.PhaseExperiments;
import io.sparserepro.experiments.phase.PhaseTransitionRunner;
import io.sparserepro.experiments.phase.PhaseTransitionSpec;
import io.sparserepro.experiments.phase.ThresholdTable;
import java.nio.file.Path;
import java.util.List;

/**
 * Times the paper-scale Fig. 2 experiment (n = 500, 1000 runs per point, every solver of the
 * built-in declaration) on a few values of ζ, one after another, so the full run's time can
 * be extrapolated from measured parts:
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *      io.sparserepro.benchmarks.PhaseTransitionTiming RESULTS_DIR THREADS ZETA...
 * </pre>
 * Each ζ runs as its own declaration into RESULTS_DIR (its trials are stored, so a later full
 * run reuses them); the program prints the wall time and the 95%/50% thresholds per ζ.
 */
public final class PhaseTransitionTiming {
    private PhaseTransitionTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: PhaseTransitionTiming RESULTS_DIR THREADS ZETA...");
            System.exit(2);
        }
        Path results = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        ExperimentRunner runner = new ExperimentRunner(SolverRegistry.defaults());
        for (int i = 2; i < args.length; i++) {
            double zeta = Double.parseDouble(args[i]);
            PhaseTransitionSpec spec = PhaseExperiments.seaFigure2("sea-phase-transition-timing", 500, List.of(zeta),
                    1000, 100, "anytime");
            long t0 = System.nanoTime();
            PhaseTransitionRunner.Outcome outcome = new PhaseTransitionRunner(runner)
                    .run(spec, RunOptions.in(results).withThreads(threads));
            System.out.printf("zeta %.2f: %.1f s wall, %d trials computed, %d rounds%n", zeta,
                    (System.nanoTime() - t0) * 1e-9, outcome.computed(), outcome.rounds());
            for (ThresholdTable.Row r : outcome.thresholds()) {
                System.out.printf("  %-22s level %.2f  k* = %3d  rho = %.3f  [%.3f, %.3f]%n", r.label(), r.level(),
                        r.kStar(), r.rho(), r.rhoLow(), r.rhoHigh());
            }
            System.out.flush();
        }
    }
}
