package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.Checks;
import io.sparserepro.core.complex.ComplexLinearOperator;

/**
 * What OMP-Net and IHT-Net share around their own forward and reverse passes: the operator and
 * its dense copy, the checks of every input (so that a bad sample is named before any work),
 * and the loss ‖Re x̂ − x‖² between the two passes.
 *
 * @param <W> the network's workspace type
 */
abstract class UnrolledBase<W extends UnrolledNetwork.Workspace> implements UnrolledNetwork {
    final ComplexLinearOperator operator;
    /** A read-only dense copy of A: the passes never call the operator (which may not be thread-safe). */
    final SplitMatrix a;
    private final Class<W> workspaceType;

    UnrolledBase(ComplexLinearOperator operator, Class<W> workspaceType) {
        this.operator = Checks.requireNonNull("operator", operator);
        this.a = SplitMatrix.of(operator);
        this.workspaceType = workspaceType;
    }

    @Override
    public final ComplexLinearOperator operator() {
        return operator;
    }

    @Override
    public final void forward(double[] observations, double[] weights, Workspace workspace, double[] estimate) {
        W w = check(observations, weights, workspace);
        Checks.requireLength("estimate", estimate, 2 * a.cols);
        run(observations, weights, w);
        System.arraycopy(estimate(w), 0, estimate, 0, 2 * a.cols);
    }

    @Override
    public final double loss(double[] observations, double[] target, double[] weights, Workspace workspace) {
        W w = check(observations, weights, workspace);
        NetworkInputs.checkTarget(target, a.cols);
        run(observations, weights, w);
        return NetworkInputs.loss(estimate(w), target, a.cols);
    }

    @Override
    public final double lossAndGradient(double[] observations, double[] target, double[] weights,
                                        Workspace workspace, double[] gradient) {
        W w = check(observations, weights, workspace);
        NetworkInputs.checkTarget(target, a.cols);
        Checks.requireLength("gradient", gradient, a.cols);
        run(observations, weights, w);
        double loss = NetworkInputs.loss(estimate(w), target, a.cols);
        backward(target, weights, w, gradient);
        return loss;
    }

    private W check(double[] observations, double[] weights, Workspace workspace) {
        NetworkInputs.checkObservations(observations, a.rows);
        NetworkInputs.checkWeights(weights, a.cols);
        Checks.requireNonNull("workspace", workspace);
        if (!workspaceType.isInstance(workspace) || !fits(workspaceType.cast(workspace))) {
            throw new IllegalArgumentException("workspace must come from this network's newWorkspace(): " + workspace);
        }
        return workspaceType.cast(workspace);
    }

    /** Whether {@code w} was made for this network's sizes. */
    abstract boolean fits(W w);

    /** The forward pass, keeping in {@code w} everything the reverse pass reads. */
    abstract void run(double[] observations, double[] weights, W w);

    /** x̂ of the last forward pass (interleaved, length 2N). */
    abstract double[] estimate(W w);

    /** The gradient of the loss with respect to the raw weights, written into {@code gradient}. */
    abstract void backward(double[] target, double[] weights, W w, double[] gradient);
}
