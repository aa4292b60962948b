package io.sparserepro.algorithms.unfolding.net;

import java.nio.file.Path;

/**
 * Receives the progress of a {@link Trainer} run, on the thread that called
 * {@link Trainer#train}. The CLI hangs a progress bar (loss and ETA) on it; library code and
 * tests pass {@link #NONE}.
 */
public interface TrainingListener {
    /** Ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Training is about to run epochs {@code firstEpoch} … {@code epochs} (counted from 1);
     * {@code firstEpoch > 1} when a checkpoint was resumed.
     */
    default void started(int firstEpoch, int epochs) {
    }

    /** Epoch {@code record.epoch()} of {@code epochs} finished. */
    default void epochFinished(EpochRecord record, int epochs) {
    }

    /** A checkpoint holding {@code epochsCompleted} epochs was written to {@code file}. */
    default void checkpointWritten(Path file, int epochsCompleted) {
    }

    /**
     * Something the user should know, in one sentence: a checkpoint that was not resumed and
     * why (corrupt, truncated, another recipe, other data), where it was set aside.
     */
    default void notice(String message) {
    }
}
