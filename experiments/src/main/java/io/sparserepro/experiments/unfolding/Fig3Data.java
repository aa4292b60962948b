package io.sparserepro.experiments.unfolding;

import io.sparserepro.algorithms.unfolding.net.TrainingSample;
import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexDenseMatrix;
import io.sparserepro.core.complex.ComplexProblem;
import io.sparserepro.core.complex.ComplexProblems;
import io.sparserepro.core.complex.ComplexVectors;
import io.sparserepro.core.complex.PartialDft;
import io.sparserepro.core.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The data of the unfolding paper's Fig. 3 (SPEC-UNFOLDING, {@code utils/data_gen.py}): a
 * partial DFT A (N columns, m rows sampled from the first N − 1, scaled 1/√m), a hidden set of
 * indices, and samples x real, supported on {@code sparsity} indices of the hidden set, ‖x‖ = 1,
 * y = A x + e with complex Gaussian noise of expected norm σ.
 *
 * <p>Seed rule (recorded in every result file): {@code Seeds.rng(seed, 0)} draws the rows of A,
 * then the hidden set; sample i — training samples first, then validation, then test — is
 * drawn by {@code Seeds.rng(seed, 1, i)}. A sample is therefore a pure function of (seed, i):
 * a larger test set leaves the training and validation sets unchanged.
 *
 * @param rows       the sampled DFT rows (indices into the full matrix, sorted)
 * @param hidden     the hidden index set, sorted
 * @param operator   A, dense (thread-safe: the trainer applies it from several threads)
 * @param training   the training samples
 * @param validation the validation samples (checkpoint selection)
 * @param test       the held-out test samples (never seen by training or selection)
 */
public record Fig3Data(int[] rows, int[] hidden, ComplexDenseMatrix operator, List<TrainingSample> training,
                       List<TrainingSample> validation, List<TrainingSample> test) {

    /** Draws the data of {@code spec}. */
    public static Fig3Data generate(Fig3Spec spec) {
        Checks.requireNonNull("spec", spec);
        UniformRandomProvider setup = Seeds.rng(spec.seed(), 0);
        int[] rows = PartialDft.sampleRows(spec.cols(), spec.rows(), setup);
        int[] hidden = ComplexProblems.hiddenSet(spec.cols(), spec.hiddenSize(), setup);
        ComplexDenseMatrix a = PartialDft.dense(spec.cols(), rows);
        int next = 0;
        List<TrainingSample> training = samples(spec, a, hidden, next, spec.trainingSize());
        next += spec.trainingSize();
        List<TrainingSample> validation = samples(spec, a, hidden, next, spec.validationSize());
        next += spec.validationSize();
        List<TrainingSample> test = samples(spec, a, hidden, next, spec.testSize());
        return new Fig3Data(rows, hidden, a, training, validation, test);
    }

    private static List<TrainingSample> samples(Fig3Spec spec, ComplexDenseMatrix a, int[] hidden, int first,
                                                int count) {
        List<TrainingSample> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            ComplexProblem p = ComplexProblems.structured(a, hidden, spec.sparsity(), spec.sigma(),
                    Seeds.rng(spec.seed(), 1, i));
            out.add(new TrainingSample(p.observations(), ComplexVectors.realPart(p.truth(), spec.cols())));
        }
        return out;
    }

    /** The oracle weights: 1 on the hidden set, exactly 0 elsewhere (SPEC-UNFOLDING, baselines). */
    public double[] oracleWeights() {
        double[] w = new double[operator.cols()];
        for (int j : hidden) {
            w[j] = 1;
        }
        return w;
    }

    /**
     * The training-free data-driven baseline: w_j = how often index j is non-zero in the
     * training targets, divided by the largest count (so w ∈ [0, 1]; never-seen indices get 0,
     * as the oracle's complement does).
     */
    public double[] frequencyWeights() {
        double[] w = new double[operator.cols()];
        for (TrainingSample s : training) {
            double[] x = s.target();
            for (int j = 0; j < x.length; j++) {
                if (x[j] != 0) {
                    w[j] += 1;
                }
            }
        }
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int j = 0; j < w.length; j++) {
                w[j] /= max;
            }
        }
        return w;
    }

    /** A complex problem of one sample, for the solvers' complex entry points. */
    public ComplexProblem problem(TrainingSample sample, int sparsity) {
        return new ComplexProblem(operator, sample.observations(), sparsity,
                ComplexVectors.fromReal(sample.target()));
    }
}
