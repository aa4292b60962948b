package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.algorithms.options.Option;
import io.sparserepro.algorithms.unfolding.SoftIht;
import io.sparserepro.algorithms.unfolding.SoftOmp;
import io.sparserepro.core.Checks;
import io.sparserepro.core.problem.Problem;
import java.nio.file.Path;

/**
 * A trained OMP-Net or IHT-Net as a registered solver ({@code sparse-repro solve --algorithm
 * omp-net --weights FILE}): the network's forward pass — Soft-OMP or Soft-IHT with the learned
 * weights of a {@link WeightsFiles weights file} and the layers, τ and η it was trained with —
 * on a real problem. The file is read and checked when the solver is built; its length is
 * checked against the problem's N at each solve. As for Soft-OMP/Soft-IHT, the estimate is the
 * network's output, not truncated to k entries. IHT-Net thresholds to the problem's sparsity k.
 */
public final class TrainedNetworkSolver extends ConfiguredSolver<TrainedNetworkSolver.Options> {
    private TrainedWeights trained;

    /**
     * @param weights path of the weights file
     * @param tau     softsort temperature; 0 = as trained
     * @param layers  layers; 0 = as trained
     * @param step    IHT-Net's step η; 0 = as trained (ignored by OMP-Net)
     */
    public record Options(
            @Option(value = "path of the trained weights file (written by `sparse-repro train` or the Fig. 3 "
                    + "experiment)", origin = Option.Origin.IMPLEMENTATION) String weights,
            @Option(value = "softsort temperature τ; 0 = the value trained with", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding, OMP-Net/IHT-Net: τ = 1e-3") double tau,
            @Option(value = "layers (iterations); 0 = the number trained with", origin = Option.Origin.PAPER,
                    source = "Deep greedy unfolding: 10 (OMP-Net), 30 (IHT-Net)") int layers,
            @Option(value = "IHT-Net step η; 0 = the value trained with (OMP-Net ignores it)",
                    origin = Option.Origin.PAPER, source = "Deep greedy unfolding, IHT-Net: η = 0.5") double step) {
        public Options {
            Checks.requireNonNull("weights", weights);
            if (!(tau >= 0) || Double.isInfinite(tau)) {
                throw new IllegalArgumentException("tau must be 0 (as trained) or positive and finite: " + tau);
            }
            Checks.requireNonNegative("layers", layers);
            if (!(step >= 0) || Double.isInfinite(step)) {
                throw new IllegalArgumentException("step must be 0 (as trained) or positive and finite: " + step);
            }
        }

        /** No weights file yet (it must be given), everything else as trained. */
        public static Options defaults() {
            return new Options("", 0, 0, 0);
        }

        public Options withWeights(String value) {
            return new Options(value, tau, layers, step);
        }
    }

    /**
     * @param network {@code omp-net} or {@code iht-net}; the weights file is read (and checked)
     *                at the first solve, so that a registry can list and configure the solver
     *                before the file exists
     */
    public TrainedNetworkSolver(String network, Options options) {
        super(network, options);
        if (!WeightsFiles.KNOWN_NETWORKS.contains(network)) {
            throw new IllegalArgumentException("network must be one of " + WeightsFiles.KNOWN_NETWORKS + ": "
                    + network);
        }
    }

    /**
     * The weights file, read once.
     *
     * @throws io.sparserepro.core.io.DataFormatException when the file is missing, malformed,
     *                                                    non-finite or for the other network
     */
    private synchronized TrainedWeights trained() {
        if (trained == null) {
            if (options.weights().isBlank()) {
                throw new IllegalArgumentException(name() + " needs trained weights: give --weights FILE (or the "
                        + "option weights=FILE); `sparse-repro train " + name() + "` writes one");
            }
            TrainedWeights w = WeightsFiles.read(Path.of(options.weights()));
            if (!w.network().equals(name())) {
                WeightsFiles.read(Path.of(options.weights()), name(), w.parameters()); // throws the explained mismatch
            }
            trained = w;
        }
        return trained;
    }

    @Override
    public SparseResult solve(Problem problem) {
        Checks.requireNonNull("problem", problem);
        TrainedWeights trained = trained();
        if (trained.parameters() != problem.cols()) {
            WeightsFiles.read(Path.of(options.weights()), name(), problem.cols()); // throws the explained mismatch
        }
        double[] w = trained.weights();
        double tau = options.tau() > 0 ? options.tau() : number("tau");
        int layers = options.layers() > 0 ? options.layers() : (int) number("layers");
        if (name().equals(OmpNet.NAME)) {
            return new SoftOmp(SoftOmp.Options.defaults().withTau(tau).withIterations(layers).withWeights(w))
                    .solve(problem);
        }
        double step = options.step() > 0 ? options.step() : number("step");
        return new SoftIht(SoftIht.Options.defaults().withTau(tau).withIterations(layers).withStep(step)
                .withWeights(w)).solve(problem);
    }

    /** A number of the trained configuration. */
    private double number(String key) {
        Object v = trained().configuration().get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("weights file " + options.weights() + " does not record the " + key
                    + " it was trained with: give the option " + key + "=VALUE");
        }
        return n.doubleValue();
    }

}
