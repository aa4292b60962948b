package io.sparserepro.experiments.unfolding;

import io.sparserepro.algorithms.unfolding.net.TrainingRecipe;
import io.sparserepro.core.Checks;
import io.sparserepro.experiments.Mode;

/**
 * One network's half of the unfolding paper's Fig. 3 (SPEC-UNFOLDING, {@code OMP/main_fig_3_OMP.py},
 * {@code IHT/main_fig_3_IHT.py}): learning structure-aware weights on partial-DFT data with a
 * hidden support pattern.
 *
 * @param network        OMP-Net or IHT-Net
 * @param cols           N (paper 256, a power of two)
 * @param rows           m (paper 20 for OMP-Net, 36 for IHT-Net)
 * @param hiddenSize     size of the hidden set (paper 20 = 2s)
 * @param sparsity       s, non-zeros per sample drawn from the hidden set (paper 10)
 * @param sigma          noise level σ (paper 1e-3)
 * @param trainingSize   training samples (paper 1024)
 * @param validationSize validation samples, used to select the checkpoint (paper 512)
 * @param testSize       held-out test samples (not in the paper: validation error is optimistic
 *                       once the checkpoint is chosen on it)
 * @param layers         layers of the network (paper: s = 10 for OMP-Net, 30 for IHT-Net)
 * @param tau            softsort temperature (paper 1e-3)
 * @param step           IHT step η (paper 0.5; unused by OMP-Net)
 * @param epochs         training epochs (paper 1000)
 * @param decayEvery     epochs between learning-rate halvings (paper 500)
 * @param seed           master seed of the data (see {@link Fig3Data}) and of the shuffling
 * @param selection      the checkpoint-selection rule (the authors': every 10 epochs; default:
 *                       after every epoch, a finer version of the same rule)
 */
public record Fig3Spec(Network network, int cols, int rows, int hiddenSize, int sparsity, double sigma,
                       int trainingSize, int validationSize, int testSize, int layers, double tau, double step,
                       int epochs, int decayEvery, long seed, TrainingRecipe.SelectionRule selection) {

    /** The two networks of Fig. 3. */
    public enum Network {
        OMP_NET("omp-net", "OMP-Net", "OMP"),
        IHT_NET("iht-net", "IHT-Net", "IHT");

        private final String id;
        private final String label;
        private final String plain;

        Network(String id, String label, String plain) {
            this.id = id;
            this.label = label;
            this.plain = plain;
        }

        /** The registered name, also the results sub-folder. */
        public String id() {
            return id;
        }

        /** The paper's name of the network. */
        public String label() {
            return label;
        }

        /** The paper's name of the plain algorithm it unrolls. */
        public String plain() {
            return plain;
        }
    }

    public Fig3Spec {
        Checks.requireNonNull("network", network);
        Checks.requirePositive("cols", cols);
        if (Integer.bitCount(cols) != 1) {
            throw new IllegalArgumentException("cols must be a power of two (the partial DFT): " + cols);
        }
        Checks.requireInRange("rows", rows, 1, cols - 1);
        Checks.requireInRange("hiddenSize", hiddenSize, 1, cols);
        Checks.requireInRange("sparsity", sparsity, 1, hiddenSize);
        Checks.requireFinite("sigma", sigma);
        Checks.requireNonNegative("sigma", sigma);
        Checks.requirePositive("trainingSize", trainingSize);
        Checks.requirePositive("validationSize", validationSize);
        Checks.requireNonNegative("testSize", testSize);
        Checks.requirePositive("layers", layers);
        Checks.requireFinite("tau", tau);
        Checks.requirePositive("tau", tau);
        Checks.requireFinite("step", step);
        Checks.requirePositive("step", step);
        Checks.requirePositive("epochs", epochs);
        Checks.requirePositive("decayEvery", decayEvery);
        Checks.requireNonNull("selection", selection);
    }

    /** The paper's setting for {@code network}, with a 512-sample test set; master seed 2025. */
    public static Fig3Spec paper(Network network) {
        Checks.requireNonNull("network", network);
        return network == Network.OMP_NET
                ? new Fig3Spec(network, 256, 20, 20, 10, 1e-3, 1024, 512, 512, 10, 1e-3, 0.5, 1000, 500, 2025,
                TrainingRecipe.SelectionRule.BEST_VALIDATION_EVERY_EPOCH)
                : new Fig3Spec(network, 256, 36, 20, 10, 1e-3, 1024, 512, 512, 30, 1e-3, 0.5, 1000, 500, 2025,
                TrainingRecipe.SelectionRule.BEST_VALIDATION_EVERY_EPOCH);
    }

    /**
     * {@link Mode#FULL}: the paper's recipe. {@link Mode#QUICK}: the same data and networks,
     * fewer epochs with the learning rate halved half-way — 150 for OMP-Net (it needs ~60 to
     * get below plain OMP; 0.3 s per epoch), 40 for IHT-Net (below plain IHT after a few; 1 s
     * per epoch) — so that the figure shows the shape in about a minute each.
     */
    public static Fig3Spec of(Network network, Mode mode) {
        Fig3Spec paper = paper(network);
        if (mode == Mode.FULL) {
            return paper;
        }
        return network == Network.OMP_NET ? paper.withEpochs(150, 75) : paper.withEpochs(40, 20);
    }

    public Fig3Spec withEpochs(int value, int decay) {
        return new Fig3Spec(network, cols, rows, hiddenSize, sparsity, sigma, trainingSize, validationSize, testSize,
                layers, tau, step, value, decay, seed, selection);
    }

    public Fig3Spec withSizes(int training, int validation, int test) {
        return new Fig3Spec(network, cols, rows, hiddenSize, sparsity, sigma, training, validation, test, layers, tau,
                step, epochs, decayEvery, seed, selection);
    }

    public Fig3Spec withProblem(int n, int m, int hidden, int s, int layerCount) {
        return new Fig3Spec(network, n, m, hidden, s, sigma, trainingSize, validationSize, testSize, layerCount, tau,
                step, epochs, decayEvery, seed, selection);
    }

    public Fig3Spec withSelection(TrainingRecipe.SelectionRule value) {
        return new Fig3Spec(network, cols, rows, hiddenSize, sparsity, sigma, trainingSize, validationSize, testSize,
                layers, tau, step, epochs, decayEvery, seed, value);
    }

    public Fig3Spec withSeed(long value) {
        return new Fig3Spec(network, cols, rows, hiddenSize, sparsity, sigma, trainingSize, validationSize, testSize,
                layers, tau, step, epochs, decayEvery, value, selection);
    }
}
