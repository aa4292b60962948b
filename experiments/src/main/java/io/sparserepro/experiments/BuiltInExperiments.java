package io.sparserepro.experiments;

/** The declarations shipped with the suite (kept apart so the registry class stays generic). */
final class BuiltInExperiments {
    /** The master seed of the built-in experiments (the SEA paper's ICML year and month). */
    static final long SEED = 202407L;

    static final ExperimentRegistry REGISTRY = io.sparserepro.experiments.deconv.DeconvolutionExperiments.register(
            ExperimentRegistry.empty()
            .with("demo", new ExperimentRegistry.Entry(
                    "Gaussian n = 100, ζ = 0.5, k ∈ {5, 10, 15, 20}: OMP, HTP, SEA₀ (50 runs quick, 200 full)",
                    demo(50), demo(200)))
            .with("demo-deconvolution", new ExperimentRegistry.Entry(
                    "Deconvolution n = 100, kernel width 3, k ∈ {2, 4, 6, 8}: OMP, HTP, SEA₀ (20 runs quick, 100 full)",
                    deconvolution(20), deconvolution(100))));

    private BuiltInExperiments() {
    }

    private static ExperimentSpec demo(int runs) {
        return ExperimentSpec.builder("demo", "gaussian")
                .parameter("n", 100)
                .parameter("amplitudes", "uniform-1-2")
                .parameter("noise", 0.0)
                .axis("zeta", 0.5)
                .axis("k", 5, 10, 15, 20)
                .solvers("omp", "htp", "sea-0")
                .runs(runs)
                .seed(SEED)
                .build();
    }

    private static ExperimentSpec deconvolution(int runs) {
        return ExperimentSpec.builder("demo-deconvolution", "deconvolution")
                .parameter("n", 100)
                .parameter("kernelWidth", 3.0)
                .parameter("amplitudes", "uniform-1-2")
                .parameter("noise", 0.0)
                .axis("k", 2, 4, 6, 8)
                .solvers("omp", "htp", "sea-0")
                .runs(runs)
                .seed(SEED)
                .build();
    }
}
