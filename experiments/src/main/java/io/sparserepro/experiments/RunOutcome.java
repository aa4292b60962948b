package io.sparserepro.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run or a merge did.
 *
 * @param directory   the declaration's folder
 * @param output      the file written: {@code trials.csv}, or the shard's run record
 * @param shard       the shard run ({@link Shard#ALL} for a whole run or a merge)
 * @param total       trials of the whole declaration
 * @param inScope     trials of this shard
 * @param reused      trials found valid in the store and not recomputed
 * @param computed    trials computed now
 * @param seconds     wall time
 * @param warnings    problems found in existing files (already logged)
 */
public record RunOutcome(Path directory, Path output, Shard shard, long total, long inScope, long reused,
                         long computed, double seconds, List<String> warnings) {
}
