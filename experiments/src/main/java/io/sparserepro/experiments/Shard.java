package io.sparserepro.experiments;

import io.sparserepro.core.Checks;

/**
 * The part {@code index}/{@code count} (1-based) of an experiment: the (grid point, run) units
 * whose canonical unit index u = gridPoint·runs + run satisfies u mod count = index − 1. All
 * solvers of one unit stay in the same shard, so each problem instance is drawn once and the
 * comparison between solvers stays paired. {@link #ALL} is the whole experiment.
 *
 * @param index 1-based shard number, in [1, count]
 * @param count number of shards, ≥ 1
 */
public record Shard(int index, int count) {
    /** The whole experiment, 1/1. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        Checks.requirePositive("count", count);
        Checks.requireInRange("index", index, 1, count);
    }

    /** Parses {@code i/N}, e.g. {@code 3/8}. */
    public static Shard parse(String text) {
        Checks.requireNonNull("shard", text);
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("shard must be written i/N, e.g. 2/8: '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be written i/N with integers i and N, e.g. 2/8: '"
                    + text + "'");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("shard i/N must have 1 ≤ i ≤ N: '" + text + "'");
        }
        return new Shard(i, n);
    }

    /** Whether the unit (grid point, run) with canonical index {@code unitIndex} is in this shard. */
    public boolean contains(long unitIndex) {
        return unitIndex % count == index - 1;
    }

    public boolean isAll() {
        return count == 1;
    }

    /** The name of this shard's checkpoint files in the trial store: {@code shard-i-of-N.csv}, or {@code journal.csv}. */
    public String fileName() {
        return isAll() ? "journal.csv" : "shard-" + index + "-of-" + count + ".csv";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
