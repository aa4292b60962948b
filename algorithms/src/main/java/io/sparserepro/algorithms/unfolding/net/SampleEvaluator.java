package io.sparserepro.algorithms.unfolding.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates the samples of a batch (or the validation set) on {@code threads} threads with
 * results that do not depend on the number of threads: every sample's loss and gradient go
 * into a slot of their own, whichever thread computed them, and are summed afterwards in
 * sample order by the calling thread. Which thread (and so which {@link
 * UnrolledNetwork.Workspace}) serves a sample varies from run to run; a network's results must
 * therefore not depend on what a workspace held before, which the workspace contract (scratch
 * memory) already implies.
 *
 * <p>The calling thread is one of the workers; {@code threads − 1} daemon threads help it.
 */
final class SampleEvaluator implements AutoCloseable {
    private final UnrolledNetwork network;
    private final int threads;
    private final UnrolledNetwork.Workspace[] workspaces;
    private final ExecutorService pool;
    private final double[][] gradients;
    private final double[] losses;

    /** For batches of at most {@code maxBatch} samples and loss-only passes over at most {@code maxLosses}. */
    SampleEvaluator(UnrolledNetwork network, int threads, int maxBatch, int maxLosses) {
        this.network = network;
        this.threads = threads;
        this.workspaces = new UnrolledNetwork.Workspace[threads];
        for (int t = 0; t < threads; t++) {
            workspaces[t] = network.newWorkspace();
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread t = new Thread(task, "sparse-repro-trainer-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.gradients = new double[maxBatch][network.parameters()];
        this.losses = new double[Math.max(maxBatch, maxLosses)];
    }

    /**
     * The mean loss of the samples {@code order[from .. from + size)} and, into {@code gradient},
     * the mean of their gradients (each sum taken in sample order, then divided by size).
     *
     * @throws NonFiniteException if a sample's loss or gradient is NaN or infinite
     */
    double batchLossAndGradient(List<TrainingSample> samples, int[] order, int from, int size, double[] weights,
                                double[] gradient) {
        forEach(size, (i, ws) -> {
            TrainingSample s = samples.get(order[from + i]);
            losses[i] = network.lossAndGradient(s.observations(), s.target(), weights, ws, gradients[i]);
        });
        int n = gradient.length;
        java.util.Arrays.fill(gradient, 0.0);
        double loss = 0;
        for (int i = 0; i < size; i++) {
            double[] g = gradients[i];
            if (!Double.isFinite(losses[i])) {
                throw new NonFiniteException(order[from + i], "loss", losses[i]);
            }
            loss += losses[i];
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(g[j])) {
                    throw new NonFiniteException(order[from + i], "gradient[" + j + "]", g[j]);
                }
                gradient[j] += g[j];
            }
        }
        for (int j = 0; j < n; j++) {
            gradient[j] /= size;
        }
        return loss / size;
    }

    /** The mean loss over all {@code samples} with fixed weights (summed in sample order). */
    double meanLoss(List<TrainingSample> samples, double[] weights) {
        int size = samples.size();
        double[] out = size <= losses.length ? losses : new double[size];
        fillLosses(samples, weights, out);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += out[i];
        }
        return sum / size;
    }

    /** Every sample's loss with fixed weights, in a new array. */
    double[] losses(List<TrainingSample> samples, double[] weights) {
        double[] out = new double[samples.size()];
        fillLosses(samples, weights, out);
        return out;
    }

    private void fillLosses(List<TrainingSample> samples, double[] weights, double[] out) {
        forEach(samples.size(), (i, ws) -> {
            TrainingSample s = samples.get(i);
            out[i] = network.loss(s.observations(), s.target(), weights, ws);
        });
        for (int i = 0; i < samples.size(); i++) {
            if (!Double.isFinite(out[i])) {
                throw new NonFiniteException(i, "loss", out[i]);
            }
        }
    }

    @FunctionalInterface
    private interface SampleTask {
        void run(int index, UnrolledNetwork.Workspace workspace);
    }

    /**
     * Runs {@code task} for every index in [0, count), on up to {@code threads} threads, and
     * returns when all are done. A failure in any worker is rethrown here once every worker has
     * stopped (the slots are shared, so no worker may still be writing when the caller reads).
     * An interrupt of the calling thread is kept (its flag re-set) but does not abandon the
     * workers: the trainer treats it as a stop request at the end of the epoch.
     */
    private void forEach(int count, SampleTask task) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                task.run(i, workspaces[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> helpers = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            UnrolledNetwork.Workspace ws = workspaces[w];
            helpers.add(pool.submit(() -> drain(next, count, ws, task)));
        }
        Throwable failure = null;
        try {
            drain(next, count, workspaces[0], task);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : helpers) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(AtomicInteger next, int count, UnrolledNetwork.Workspace ws, SampleTask task) {
        try {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                task.run(i, ws);
            }
        } catch (RuntimeException | Error e) {
            next.set(count); // the others stop at their next sample
            throw e;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** A network returned NaN or an infinity for a sample. */
    static final class NonFiniteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int sample;

        NonFiniteException(int sample, String what, double value) {
            super(what + " = " + value);
            this.sample = sample;
        }
    }
}
