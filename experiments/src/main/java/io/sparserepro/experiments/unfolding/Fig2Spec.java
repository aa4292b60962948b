package io.sparserepro.experiments.unfolding;

import io.sparserepro.core.Checks;
import io.sparserepro.experiments.Mode;
import java.util.Arrays;

/**
 * The unfolding paper's Fig. 2 experiment (SPEC-UNFOLDING, {@code OMP/main_fig_2_OMP_pytorch.py},
 * {@code IHT/main_fig_2_IHT.py}): error against τ of OMP/Soft-OMP and IHT/Soft-IHT, and the
 * distance between the n-th iterates of X and Soft-X.
 *
 * @param rows                 m (paper 200)
 * @param cols                 N (paper 400)
 * @param sparsity             s (paper 15)
 * @param sigmas               noise levels σ, e = σ·g/√m (paper 1e-5, 1e-3, 1e-1)
 * @param tauExponents         τ = 10^a for these a (paper −10, −9.5, …, 1.5)
 * @param trials               instances (paper 50)
 * @param ompIterations        OMP iterations of panel (a) (paper 15)
 * @param ihtIterations        IHT iterations of panel (b) (paper 30)
 * @param step                 IHT step η (paper 0.6)
 * @param differenceSigma      σ of the difference panels (paper 1e-3, one of {@code sigmas})
 * @param ompDifferenceAt      n of the OMP difference panel (paper 5, 15, 30)
 * @param ihtDifferenceAt      n of the IHT difference panel (paper 1, 15, 45)
 * @param differenceTrials     instances of the difference panels (paper 50; the repository also has
 *                             a 100-trial variant); trial i is the same instance in every panel
 * @param sampling             how x's support is drawn (paper: the authors' with-replacement quirk)
 * @param seed                 master seed: trial i uses {@code Seeds.rng(seed, i)} for A and x and
 *                             {@code Seeds.rng(seed, i, 1 + k)} for the noise of σ_k
 */
public record Fig2Spec(int rows, int cols, int sparsity, double[] sigmas, double[] tauExponents, int trials,
                       int ompIterations, int ihtIterations, double step, double differenceSigma,
                       int[] ompDifferenceAt, int[] ihtDifferenceAt, int differenceTrials, Fig2Sampling sampling,
                       long seed) {
    public Fig2Spec {
        Checks.requirePositive("rows", rows);
        Checks.requirePositive("cols", cols);
        Checks.requireInRange("sparsity", sparsity, 1, Math.min(rows, cols - 1));
        Checks.requireNonNull("sigmas", sigmas);
        Checks.requireNonNull("tauExponents", tauExponents);
        if (sigmas.length == 0 || tauExponents.length == 0) {
            throw new IllegalArgumentException("sigmas and tauExponents must not be empty");
        }
        for (double s : sigmas) {
            Checks.requireNonNegative("sigma", s);
        }
        for (double a : tauExponents) {
            Checks.requireFinite("tau exponent", a);
        }
        Checks.requirePositive("trials", trials);
        Checks.requirePositive("ompIterations", ompIterations);
        Checks.requirePositive("ihtIterations", ihtIterations);
        Checks.requirePositive("step", step);
        if (Arrays.stream(sigmas).noneMatch(s -> s == differenceSigma)) {
            throw new IllegalArgumentException("differenceSigma must be one of sigmas " + Arrays.toString(sigmas)
                    + ": " + differenceSigma);
        }
        for (int n : Checks.requireNonNull("ompDifferenceAt", ompDifferenceAt)) {
            Checks.requirePositive("ompDifferenceAt", n);
        }
        for (int n : Checks.requireNonNull("ihtDifferenceAt", ihtDifferenceAt)) {
            Checks.requirePositive("ihtDifferenceAt", n);
        }
        Checks.requirePositive("differenceTrials", differenceTrials);
        Checks.requireNonNull("sampling", sampling);
        sigmas = sigmas.clone();
        tauExponents = tauExponents.clone();
        ompDifferenceAt = ompDifferenceAt.clone();
        ihtDifferenceAt = ihtDifferenceAt.clone();
    }

    /** The paper's settings (SPEC-UNFOLDING, Fig. 2), master seed 2025. */
    public static Fig2Spec paper() {
        double[] taus = new double[24];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = -10 + 0.5 * i;
        }
        return new Fig2Spec(200, 400, 15, new double[] {1e-5, 1e-3, 1e-1}, taus, 50, 15, 30, 0.6, 1e-3,
                new int[] {5, 15, 30}, new int[] {1, 15, 45}, 50, Fig2Sampling.AUTHORS_WITH_REPLACEMENT, 2025);
    }

    /** The paper's settings ({@link Mode#FULL}) or the same sizes with 10 trials and τ at whole decades. */
    public static Fig2Spec of(Mode mode) {
        Fig2Spec paper = paper();
        if (mode == Mode.FULL) {
            return paper;
        }
        double[] taus = new double[12];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = -10 + i;
        }
        return paper.withTrials(10).withDifferenceTrials(10).withTauExponents(taus);
    }

    public Fig2Spec withTrials(int value) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, tauExponents, value, ompIterations, ihtIterations, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, differenceTrials, sampling, seed);
    }

    public Fig2Spec withDifferenceTrials(int value) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, tauExponents, trials, ompIterations, ihtIterations, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, value, sampling, seed);
    }

    /** Instances to run: the larger of the two trial counts. */
    public int instances() {
        return Math.max(trials, differenceTrials);
    }

    public Fig2Spec withTauExponents(double[] value) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, value, trials, ompIterations, ihtIterations, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, differenceTrials, sampling, seed);
    }

    public Fig2Spec withSampling(Fig2Sampling value) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, tauExponents, trials, ompIterations, ihtIterations, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, differenceTrials, value, seed);
    }

    public Fig2Spec withSize(int m, int n, int s) {
        return new Fig2Spec(m, n, s, sigmas, tauExponents, trials, ompIterations, ihtIterations, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, differenceTrials, sampling, seed);
    }

    public Fig2Spec withDifferenceAt(int[] omp, int[] iht) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, tauExponents, trials, ompIterations, ihtIterations, step,
                differenceSigma, omp, iht, differenceTrials, sampling, seed);
    }

    public Fig2Spec withIterations(int omp, int iht) {
        return new Fig2Spec(rows, cols, sparsity, sigmas, tauExponents, trials, omp, iht, step,
                differenceSigma, ompDifferenceAt, ihtDifferenceAt, differenceTrials, sampling, seed);
    }

    /** Records compare arrays by reference; specs are compared by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fig2Spec f && toString().equals(f.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "Fig2Spec[m=" + rows + ", N=" + cols + ", s=" + sparsity + ", sigmas=" + Arrays.toString(sigmas)
                + ", tauExponents=" + Arrays.toString(tauExponents) + ", trials=" + trials + ", ompIterations="
                + ompIterations + ", ihtIterations=" + ihtIterations + ", step=" + step + ", differenceSigma="
                + differenceSigma + ", ompDifferenceAt=" + Arrays.toString(ompDifferenceAt) + ", ihtDifferenceAt="
                + Arrays.toString(ihtDifferenceAt) + ", differenceTrials=" + differenceTrials + ", sampling=" + sampling + ", seed=" + seed + "]";
    }
}
