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
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.algorithms.unfolding.net.IhtNet;
import io.sparserepro.algorithms.unfolding.net.OmpNet;
import io.sparserepro.algorithms.unfolding.net.TrainedNetworkSolver;

/**
 * The registry of the suite's own solvers (kept apart so the registry class stays generic),
 * each with its options record, so that every option can be set as data.
 */
final class BuiltInSolvers {
    static final SolverRegistry REGISTRY = SolverRegistry.empty()
            .with("omp", Omp.Options.class, Omp.Options.defaults(), Omp::new)
            .with("batch-omp", BatchOmp.Options.class, BatchOmp.Options.defaults(), BatchOmp::new)
            .with("ompr", Ompr.Options.class, Ompr.Options.defaults(), Ompr::new)
            .with("els", ExhaustiveLocalSearch.Options.class, ExhaustiveLocalSearch.Options.defaults(),
                    ExhaustiveLocalSearch::new)
            .with("iht", Iht.Options.class, Iht.Options.defaults(), Iht::new)
            .with("niht", NormalizedIht.Options.class, NormalizedIht.Options.defaults(), NormalizedIht::new)
            .with("htp", Htp.Options.class, Htp.Options.defaults(), Htp::new)
            .with("cosamp", Cosamp.Options.class, Cosamp.Options.defaults(), Cosamp::new)
            .with("sp", SubspacePursuit.Options.class, SubspacePursuit.Options.defaults(), SubspacePursuit::new)
            .with("l1", L1Homotopy.Options.class, L1Homotopy.Options.defaults(), L1Homotopy::new)
            .with("l1-fista", L1Fista.Options.class, L1Fista.Options.defaults(), L1Fista::new)
            .with(SoftOmp.NAME, SoftOmp.Options.class, SoftOmp.Options.defaults(), SoftOmp::new)
            .with(SoftIht.NAME, SoftIht.Options.class, SoftIht.Options.defaults(), SoftIht::new)
            .with(OmpNet.NAME, TrainedNetworkSolver.Options.class, TrainedNetworkSolver.Options.defaults(),
                    o -> new TrainedNetworkSolver(OmpNet.NAME, o))
            .with(IhtNet.NAME, TrainedNetworkSolver.Options.class, TrainedNetworkSolver.Options.defaults(),
                    o -> new TrainedNetworkSolver(IhtNet.NAME, o))
            .withPostProcessor("sea-0", Sea.Options.class, Sea.Options.defaults(), null, BuiltInSolvers::sea)
            .withPostProcessor("sea-omp", Sea.Options.class, Sea.Options.defaults(), "omp", BuiltInSolvers::sea)
            .withPostProcessor("sea-els", Sea.Options.class, Sea.Options.defaults(), "els", BuiltInSolvers::sea)
            .withPostProcessor("sea-htp", Sea.Options.class, Sea.Options.defaults(), "htp", BuiltInSolvers::sea);

    private BuiltInSolvers() {
    }

    /** SEA alone when there is no inner solver, else SEA after it. */
    private static Sea sea(Sea.Options options, SparseSolver inner) {
        return inner == null ? Sea.standalone(options) : Sea.after(inner, options);
    }
}
