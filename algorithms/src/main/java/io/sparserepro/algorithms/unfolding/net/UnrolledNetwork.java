package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.complex.ComplexLinearOperator;
import java.util.Map;

/**
 * A greedy algorithm unrolled into a network whose only trainable parameter is one raw weight
 * vector W ∈ R^N shared by every layer (Mohammad-Taheri, Colbrook, Brugiapaglia, <i>Deep greedy
 * unfolding</i>, arXiv 2505.15661; SPEC-UNFOLDING "OMP-Net and IHT-Net"). W is unconstrained:
 * only |W_j| enters the forward pass, but the gradient is taken with respect to the raw W.
 *
 * <p>The loss of one sample is ‖Re x̂ − x‖₂² (targets are real; only the real part of the
 * complex output is penalised); a batch loss is the mean over its samples.
 *
 * <p>Thread safety: a network holds no mutable state; every method that computes takes the
 * caller's {@link Workspace}, one per thread, so the samples of a batch can be processed in
 * parallel.
 */
public interface UnrolledNetwork {
    /** The registered name: {@code omp-net} or {@code iht-net}. */
    String name();

    /** The operator A (m×N) every sample shares. */
    ComplexLinearOperator operator();

    /** N, the length of the weight vector: one weight per column of A. */
    default int parameters() {
        return operator().cols();
    }

    /** Scratch memory for one thread. */
    Workspace newWorkspace();

    /**
     * The network's output x̂ for observations y (interleaved complex, length 2m) and raw
     * weights W (length N), into {@code estimate} (interleaved complex, length 2N).
     */
    void forward(double[] observations, double[] weights, Workspace workspace, double[] estimate);

    /**
     * The sample loss ‖Re x̂ − target‖₂² (target real, length N), returned; its gradient with
     * respect to the raw weights W is written (not added) into {@code gradient} (length N).
     */
    double lossAndGradient(double[] observations, double[] target, double[] weights, Workspace workspace,
                           double[] gradient);

    /** The sample loss ‖Re x̂ − target‖₂² without the gradient (validation, evaluation). */
    double loss(double[] observations, double[] target, double[] weights, Workspace workspace);

    /** The network's configuration as it goes into result files (layers, τ, η, sparsity, …). */
    Map<String, Object> configuration();

    /** Per-thread scratch memory; opaque to callers. */
    interface Workspace {
    }
}
