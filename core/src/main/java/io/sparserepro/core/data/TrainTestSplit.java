package io.sparserepro.core.data;

import io.sparserepro.core.Checks;
import io.sparserepro.core.random.Seeds;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A deterministic split of the samples 0 … m−1 into training and test samples: a uniformly
 * random permutation (Fisher–Yates driven by xoroshiro128++ from {@link Seeds#rng(long)})
 * whose first ⌈f·m⌉ entries are the test samples. The same (m, f, seed) gives the same split
 * on every machine and JDK: the generator and the shuffle are specified exactly, not left to
 * {@code Collections.shuffle}. Both index lists are returned sorted, so a subset keeps the
 * file's order.
 *
 * @param train training sample indices, ascending
 * @param test  test sample indices, ascending
 */
public record TrainTestSplit(int[] train, int[] test) {
    public TrainTestSplit {
        Checks.requireNonNull("train", train);
        Checks.requireNonNull("test", test);
        if (train.length == 0) {
            throw new IllegalArgumentException("train must not be empty");
        }
    }

    /**
     * @param samples      m ≥ 2
     * @param testFraction f in [0, 1): 0 keeps every sample for training (no test error)
     * @param seed         the split's seed
     */
    public static TrainTestSplit of(int samples, double testFraction, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2: " + samples);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in [0, 1): " + testFraction);
        }
        int testCount = (int) Math.ceil(testFraction * samples);
        testCount = Math.min(testCount, samples - 1);
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        UniformRandomProvider rng = Seeds.rng(seed);
        for (int i = samples - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] train = Arrays.copyOfRange(order, testCount, samples);
        Arrays.sort(test);
        Arrays.sort(train);
        return new TrainTestSplit(train, test);
    }
}
