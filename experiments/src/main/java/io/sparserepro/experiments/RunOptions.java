package io.sparserepro.experiments;

import io.sparserepro.core.Checks;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run an experiment.
 *
 * @param resultsRoot   the {@code results} folder
 * @param threads       worker threads, ≥ 1 (default: all cores)
 * @param shard         the part of the trials to run ({@link Shard#ALL} by default)
 * @param batchUnits    checkpoint after this many (grid point, run) units (default 64)
 * @param flushInterval also checkpoint when this much time has passed since the last one
 *                      (default 10 s), so a slow experiment loses little when killed
 * @param listener      progress reports ({@link ProgressListener#NONE} by default)
 * @param waitForLock   when another process is writing the same results (same shard), wait
 *                      for it instead of failing (default false)
 */
public record RunOptions(Path resultsRoot, int threads, Shard shard, int batchUnits, Duration flushInterval,
                         ProgressListener listener, boolean waitForLock) {

    public RunOptions {
        Checks.requireNonNull("resultsRoot", resultsRoot);
        Checks.requireInRange("threads", threads, 1, 4096);
        Checks.requireNonNull("shard", shard);
        Checks.requirePositive("batchUnits", batchUnits);
        Checks.requireNonNull("flushInterval", flushInterval);
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
        }
        Checks.requireNonNull("listener", listener);
    }

    /** Defaults under {@code resultsRoot}. */
    public static RunOptions in(Path resultsRoot) {
        return new RunOptions(resultsRoot, Runtime.getRuntime().availableProcessors(), Shard.ALL, 64,
                Duration.ofSeconds(10), ProgressListener.NONE, false);
    }

    public RunOptions withThreads(int value) {
        return new RunOptions(resultsRoot, value, shard, batchUnits, flushInterval, listener, waitForLock);
    }

    public RunOptions withShard(Shard value) {
        return new RunOptions(resultsRoot, threads, value, batchUnits, flushInterval, listener, waitForLock);
    }

    public RunOptions withBatchUnits(int value) {
        return new RunOptions(resultsRoot, threads, shard, value, flushInterval, listener, waitForLock);
    }

    public RunOptions withFlushInterval(Duration value) {
        return new RunOptions(resultsRoot, threads, shard, batchUnits, value, listener, waitForLock);
    }

    public RunOptions withWaitForLock(boolean value) {
        return new RunOptions(resultsRoot, threads, shard, batchUnits, flushInterval, listener, value);
    }

    public RunOptions withListener(ProgressListener value) {
        return new RunOptions(resultsRoot, threads, shard, batchUnits, flushInterval, value, waitForLock);
    }
}
