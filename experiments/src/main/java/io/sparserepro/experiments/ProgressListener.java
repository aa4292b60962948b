package io.sparserepro.experiments;

/**
 * Hears about a run's progress; every call comes from the thread that called
 * {@link ExperimentRunner#run}. Library code never draws anything: a terminal progress bar is
 * one implementation (in the command-line tool). An exception thrown here aborts the run
 * like an interruption would (the trials not yet checkpointed are recomputed next time),
 * which is how the tests simulate a kill between batches.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * The run starts: {@code trials} trials are in scope (the shard). Trials found in the
     * store are reported as they are found, with {@link #trialsReused}, so a run shows
     * progress from its first second however large its grid.
     */
    default void started(long trials) {
    }

    /** {@code count} trials of the scope were found in the store and are not recomputed. */
    default void trialsReused(int count) {
    }

    /** {@code count} more trials are done (not yet checkpointed). */
    default void trialsDone(int count) {
    }

    /** Batch number {@code batch} (1-based) of {@code rows} rows is on disk. */
    default void batchWritten(int batch, int rows) {
    }

    /** A damaged or mismatching result file was found and is being repaired. */
    default void warning(String message) {
    }

    /** The run ended (normally or not). */
    default void finished() {
    }
}
