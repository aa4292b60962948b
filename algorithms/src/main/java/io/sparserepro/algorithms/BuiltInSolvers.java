package io.sparserepro.algorithms;

import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.convex.L1Homotopy;
import io.sparserepro.algorithms.greedy.BatchOmp;
import io.sparserepro.algorithms.greedy.ExhaustiveLocalSearch;
import io.sparserepro.algorithms.greedy.Omp;
import io.sparserepro.algorithms.greedy.Ompr;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;

/** The registry of the suite's own solvers (kept apart so the registry class stays generic). */
final class BuiltInSolvers {
    static final SolverRegistry REGISTRY = SolverRegistry.empty()
            .with("omp", Omp::new)
            .with("batch-omp", BatchOmp::new)
            .with("ompr", Ompr::new)
            .with("els", ExhaustiveLocalSearch::new)
            .with("iht", Iht::new)
            .with("niht", NormalizedIht::new)
            .with("htp", Htp::new)
            .with("cosamp", Cosamp::new)
            .with("sp", SubspacePursuit::new)
            .with("l1", L1Homotopy::new)
            .with("l1-fista", L1Fista::new)
            .with("sea-0", Sea::standalone)
            .with("sea-omp", () -> Sea.after(new Omp()))
            .with("sea-els", () -> Sea.after(new ExhaustiveLocalSearch()))
            .with("sea-htp", () -> Sea.after(new Htp()));

    private BuiltInSolvers() {
    }
}
