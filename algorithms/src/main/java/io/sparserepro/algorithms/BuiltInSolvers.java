package io.sparserepro.algorithms;

import io.sparserepro.algorithms.convex.L1Fista;
import io.sparserepro.algorithms.sea.Sea;
import io.sparserepro.algorithms.thresholding.Cosamp;
import io.sparserepro.algorithms.thresholding.Htp;
import io.sparserepro.algorithms.thresholding.Iht;
import io.sparserepro.algorithms.thresholding.NormalizedIht;
import io.sparserepro.algorithms.thresholding.SubspacePursuit;

/** The registry of the suite's own solvers (kept apart so the registry class stays generic). */
final class BuiltInSolvers {
    static final SolverRegistry REGISTRY = SolverRegistry.empty()
            .with("iht", Iht::new)
            .with("niht", NormalizedIht::new)
            .with("htp", Htp::new)
            .with("cosamp", Cosamp::new)
            .with("sp", SubspacePursuit::new)
            .with("l1", L1Fista::new)
            .with("sea-0", Sea::standalone)
            .with("sea-htp", () -> Sea.after(new Htp()));

    private BuiltInSolvers() {
    }
}
