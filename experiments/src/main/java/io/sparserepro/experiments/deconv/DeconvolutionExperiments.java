package io.sparserepro.experiments.deconv;

import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.Checks;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.ExperimentSpec;
import io.sparserepro.experiments.InstanceSpec;
import io.sparserepro.experiments.LocalisationMetrics;
import io.sparserepro.experiments.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SEA paper's spike-deconvolution experiments (Figs. 1 right, 3, 4), its appendix
 * settings and the follow-up questions of issue 12, as declarations.
 *
 * <p><b>Setting</b> [paper]: m = n = 500, A the convolution by a Gaussian kernel with unit-norm
 * columns, amplitudes uniform in [−2, −1] ∪ [1, 2], noiseless. <b>Reconstructed</b> (the paper's
 * values are not known here; each is a parameter recorded in every result file):
 * {@link #KERNEL_WIDTH} = 3 samples (neighbouring columns correlate at ≈ 0.97), the k range
 * {@link #FULL_K}, {@link #FULL_RUNS} runs per point, the instance of Fig. 3 (run
 * {@link #FIGURE3_RUN} at k = 20), the SNRs, separations and budgets of the appendix
 * experiments. Quick variants keep the paper's n and change only runs and grid sizes, and
 * their instances are instances of the full variants (same keys), so a full run reuses them.
 */
public final class DeconvolutionExperiments {
    /** The Gaussian kernel's standard deviation in samples (reconstructed). */
    public static final double KERNEL_WIDTH = 3.0;
    /** m = n [paper]. */
    public static final int N = 500;
    /** The master seed of these experiments (the built-in experiments' seed). */
    public static final long SEED = 202407L;
    /** The k axis of Fig. 4 at full scale (reconstructed). */
    public static final List<Object> FULL_K = List.of(5, 10, 15, 20, 25, 30, 35, 40, 45, 50);
    /** The k axis of Fig. 4 in quick mode. */
    public static final List<Object> QUICK_K = List.of(5, 10, 15, 20, 30);
    /** Runs per point at full scale (reconstructed: the paper does not say). */
    public static final int FULL_RUNS = 200;
    /** Which run of the k = 20 instance key is Fig. 3's instance (reconstructed). */
    public static final int FIGURE3_RUN = 0;

    public static final String FIGURE4 = "sea-deconvolution";
    public static final String NOISE = "sea-deconvolution-noise";
    public static final String GAUSSIAN_AMPLITUDES = "sea-deconvolution-gaussian";
    public static final String BUDGET = "sea-deconvolution-budget";
    public static final String SEPARATION = "sea-deconvolution-separation";
    public static final String WRONG_K = "sea-deconvolution-wrong-k";
    public static final String FIGURE3 = "sea-deconvolution-instance";
    public static final String EXPLORATION = "sea-deconvolution-exploration";

    /** The instance experiments by name. */
    public static final Set<String> INSTANCE_EXPERIMENTS = Set.of(FIGURE3, EXPLORATION);

    private DeconvolutionExperiments() {
    }

    /** The paper's Fig. 4 solvers, labelled as in the paper. */
    public static List<SolverVariant> paperSolvers() {
        return List.of(v("SEA_0", "sea-0"), v("SEA_OMP", "sea-omp"), v("SEA_ELS", "sea-els"), v("OMP", "omp"),
                v("OMPR", "ompr"), v("ELS", "els"), v("IHT", "iht"), v("HTP", "htp"), v("ℓ1", "l1"));
    }

    /**
     * The appendix's solvers: the paper's without ℓ1 (its noisy form needs a λ the paper does
     * not give) and without IHT (tens of thousands of iterations per solve on these matrices,
     * and the worst of the greedy methods in Fig. 4): chosen for time, recorded in run.json.
     */
    public static List<SolverVariant> appendixSolvers() {
        return List.of(v("SEA_0", "sea-0"), v("SEA_OMP", "sea-omp"), v("SEA_ELS", "sea-els"), v("OMP", "omp"),
                v("OMPR", "ompr"), v("ELS", "els"), v("HTP", "htp"));
    }

    /** Restart counts of HTP and SP in the budget experiment (quality against work). */
    static final List<Integer> RESTARTS = List.of(4, 16, 64);

    /** {@code registry} with this class's grid experiments added. */
    public static ExperimentRegistry register(ExperimentRegistry registry) {
        return registry
                .with(FIGURE4, new ExperimentRegistry.Entry("SEA Fig. 4: deconvolution n = 500, support distance against k,"
                        + " 9 solvers (quick: 5 k × 5 runs; full: 10 k × 200 runs)", figure4(QUICK_K, 5),
                        figure4(FULL_K, FULL_RUNS)))
                .with(NOISE, new ExperimentRegistry.Entry("SEA appendix: noisy deconvolution, relative error and F1 "
                        + "against SNR at k = 10", noise(List.of(0.0, 10.0, 20.0, 40.0), 20),
                        noise(List.of(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0), FULL_RUNS)))
                .with(GAUSSIAN_AMPLITUDES, new ExperimentRegistry.Entry("SEA appendix: Gaussian amplitudes, support "
                        + "distance against k", gaussianAmplitudes(List.of(5, 10, 20, 30), 20),
                        gaussianAmplitudes(FULL_K, FULL_RUNS)))
                .with(BUDGET, new ExperimentRegistry.Entry("SEA's iteration budget T at k = 10: support distance and "
                        + "success against T", budget(List.of(10, 30, 100, 300, 1000, 3000, 10000), 20),
                        budget(List.of(10, 30, 100, 300, 1000, 3000, 10000, 30000), FULL_RUNS)))
                .with(SEPARATION, new ExperimentRegistry.Entry("Spike separation: support distance against k for "
                        + "minimum separations 0, 3, 6, 10", separation(List.of(5, 10, 20, 30), 12),
                        separation(List.of(5, 10, 15, 20, 25, 30, 35, 40), FULL_RUNS)))
                .with(WRONG_K, new ExperimentRegistry.Entry("A wrong k: solvers given k + 2, success = S* ⊆ Ŝ",
                        wrongK(List.of(5, 10, 20, 30), 20), wrongK(FULL_K, FULL_RUNS)));
    }

    /** Fig. 4 (and Fig. 1 right, and the near-miss F1 at ±0, 1, 2 samples). */
    public static ExperimentSpec figure4(List<Object> ks, int runs) {
        ExperimentSpec.Builder b = base(FIGURE4).axis("k", ks.toArray());
        paperSolvers().forEach(b::solver);
        return b.metrics("supportDistance", "success", "relativeError", LocalisationMetrics.f1Id(0),
                LocalisationMetrics.f1Id(1), LocalisationMetrics.f1Id(2), "iterations").runs(runs).build();
    }

    /**
     * Noisy observations at k = 10 (where the noiseless problem is mostly solved, so the SNR's
     * effect is visible): ‖A x*‖/‖e‖ in dB on the axis.
     */
    public static ExperimentSpec noise(List<Double> snrDb, int runs) {
        ExperimentSpec.Builder b = ExperimentSpec.builder(NOISE, "deconvolution").parameter("n", N)
                .parameter("kernelWidth", KERNEL_WIDTH).parameter("amplitudes", "uniform-1-2").parameter("k", 10)
                .axis("snrDb", snrDb.toArray()).seed(SEED);
        appendixSolvers().forEach(b::solver);
        return b.metrics("relativeError", LocalisationMetrics.f1Id(0), LocalisationMetrics.f1Id(1), "supportDistance")
                .runs(runs).build();
    }

    /** Gaussian amplitudes instead of ±[1, 2]. */
    public static ExperimentSpec gaussianAmplitudes(List<Object> ks, int runs) {
        ExperimentSpec.Builder b = ExperimentSpec.builder(GAUSSIAN_AMPLITUDES, "deconvolution").parameter("n", N)
                .parameter("kernelWidth", KERNEL_WIDTH).parameter("amplitudes", "gaussian").parameter("noise", 0.0)
                .axis("k", ks.toArray()).seed(SEED);
        appendixSolvers().forEach(b::solver);
        return b.metrics("supportDistance", "success").runs(runs).build();
    }

    /**
     * SEA_0 and SEA_OMP with T iterations, at k = 10 (where success is neither 0 nor 1 at width
     * 3, so both panels move); T is in each label and in run.json. OMP, ELS, HTP, SP and IHT at
     * their own stopping rules are references for quality against work (iterations, time).
     */
    public static ExperimentSpec budget(List<Integer> budgets, int runs) {
        ExperimentSpec.Builder b = ExperimentSpec.builder(BUDGET, "deconvolution").parameter("n", N)
                .parameter("kernelWidth", KERNEL_WIDTH).parameter("amplitudes", "uniform-1-2").parameter("noise", 0.0)
                .axis("k", 10).seed(SEED);
        for (String[] sea : new String[][] {{"SEA_0", "sea-0"}, {"SEA_OMP", "sea-omp"}}) {
            for (int t : budgets) {
                b.solver(SolverVariant.of(sea[1]).withOption("maxIterations", t).withLabel(sea[0] + " T=" + t));
            }
        }
        // References for quality against work (issue 12, "equal compute"): each at its own stopping rule.
        for (SolverVariant v : List.of(v("OMP", "omp"), v("ELS", "els"), v("HTP", "htp"), v("SP", "sp"),
                v("IHT", "iht"))) {
            b.solver(v);
        }
        // The others given as much work: HTP and SP restarted from random supports, the best
        // residual kept (RandomRestarts), R runs in all — a curve against work like SEA's.
        for (String[] restarted : new String[][] {{"HTP", "htp"}, {"SP", "sp"}}) {
            for (int r : RESTARTS) {
                b.solver(SolverVariant.of(RandomRestarts.NAME).withInner(SolverVariant.of(restarted[1]))
                        .withOption("restarts", r).withLabel(restarted[0] + " restarts R=" + r));
            }
        }
        return b.metrics("supportDistance", "success", "iterations").runs(runs).build();
    }

    /** Minimum separations 0 (the paper's uniform positions), 3, 6 and 10 samples, × k. */
    public static ExperimentSpec separation(List<Object> ks, int runs) {
        ExperimentSpec.Builder b = ExperimentSpec.builder(SEPARATION, "deconvolution").parameter("n", N)
                .parameter("kernelWidth", KERNEL_WIDTH).parameter("amplitudes", "uniform-1-2").parameter("noise", 0.0)
                .axis("minSeparation", 0, 3, 6, 10).axis("k", ks.toArray()).seed(SEED);
        appendixSolvers().forEach(b::solver);
        return b.metrics("supportDistance", "success", LocalisationMetrics.f1Id(1)).runs(runs).build();
    }

    /** Every appendix solver asked for k + 2 entries. */
    public static ExperimentSpec wrongK(List<Object> ks, int runs) {
        ExperimentSpec.Builder b = base(WRONG_K).axis("k", ks.toArray());
        for (SolverVariant s : appendixSolvers()) {
            b.solver(SolverVariant.of(OverestimatedSparsity.NAME).withOption("extra", 2)
                    .withInner(s.withLabel(s.algorithm())).withLabel(s.label() + " (k+2)"));
        }
        return b.metrics("supportContained", "supportDistance", "success").runs(runs).build();
    }

    /** The instance experiments: Fig. 3 and SEA's exploration against IHT and HTP. */
    public static InstanceSpec instance(String name, Mode mode) {
        Checks.requireNonNull("mode", mode);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", N);
        params.put("kernelWidth", KERNEL_WIDTH);
        params.put("amplitudes", "uniform-1-2");
        params.put("noise", 0.0);
        params.put("k", 20);
        switch (Checks.requireNonNull("name", name)) {
            case FIGURE3:
                return new InstanceSpec(FIGURE3, "deconvolution", params, paperSolvers(), FIGURE3_RUN, SEED);
            case EXPLORATION: {
                // SEA's round-off stop off, so its trace covers the whole budget even after an exact hit.
                List<SolverVariant> traced = new ArrayList<>();
                traced.add(SolverVariant.of("sea-0").withOption("recordTrace", true).withOption("residualTolerance", 0.0)
                        .withLabel("SEA_0"));
                traced.add(SolverVariant.of("iht").withOption("recordTrace", true).withLabel("IHT"));
                traced.add(SolverVariant.of("htp").withOption("recordTrace", true).withLabel("HTP"));
                return new InstanceSpec(EXPLORATION, "deconvolution", params, traced, FIGURE3_RUN, SEED);
            }
            default:
                throw new IllegalArgumentException("unknown instance experiment '" + name + "'; known: "
                        + INSTANCE_EXPERIMENTS);
        }
    }

    private static ExperimentSpec.Builder base(String name) {
        return ExperimentSpec.builder(name, "deconvolution").parameter("n", N).parameter("kernelWidth", KERNEL_WIDTH)
                .parameter("amplitudes", "uniform-1-2").parameter("noise", 0.0).seed(SEED);
    }

    private static SolverVariant v(String label, String algorithm) {
        return SolverVariant.of(algorithm).withLabel(label);
    }
}
