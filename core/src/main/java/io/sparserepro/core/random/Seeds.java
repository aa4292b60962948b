package io.sparserepro.core.random;

import io.sparserepro.core.Checks;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives one seed per trial from an experiment's master seed and the trial's coordinates
 * (grid-point index, run index, ...), so that any single trial can be replayed alone, in any
 * order, on any thread or shard, and yields the same problem it yielded inside the full run.
 *
 * <h2>Derivation (part of the reproducibility contract: changing it changes every result)</h2>
 * With {@code mix} the SplitMix64 finalizer (Stafford's "variant 13", the output function of
 * Steele, Lea and Flood's SplitMix64, OOPSLA 2014), and {@code G = 0x9E3779B97F4A7C15} the
 * golden-ratio increment of SplitMix64:
 * <pre>
 *   h₀     = mix(master)
 *   hᵢ₊₁   = mix(hᵢ ⊕ mix(pathᵢ + (i + 1)·G))
 *   seed   = h_len(path)
 * </pre>
 * Why this shape:
 * <ul>
 *   <li>{@code mix} is a bijection of 64-bit words with full avalanche, and every step above is
 *       a bijection of the new path element for a fixed prefix. Hence two paths with the same
 *       prefix and different last elements <em>never</em> collide, and for a fixed path the
 *       master seed maps one-to-one onto trial seeds.</li>
 *   <li>Each step feeds the previous state through {@code mix}, so the result depends on the
 *       order of the path ({@code (1, 2)} and {@code (2, 1)} differ) and on its length.</li>
 *   <li>The position-dependent offset {@code (i + 1)·G} keeps small consecutive indices
 *       (0, 1, 2, ... — the common case) far apart before mixing.</li>
 * </ul>
 * Seeds of unrelated paths behave like independent uniform 64-bit words, so the streams they
 * start are, for experimental purposes, independent. The generator is
 * {@link RandomSource#XO_RO_SHI_RO_128_PP} (xoroshiro128++), whose seeding from a {@code long}
 * is itself expanded by SplitMix64 in Commons RNG.
 */
public final class Seeds {
    /** SplitMix64's increment, ⌊2⁶⁴/φ⌋ rounded to odd. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * The seed of the trial at {@code path} under {@code masterSeed}; see the class comment
     * for the exact derivation. An empty path gives {@code mix(masterSeed)}.
     */
    public static long trialSeed(long masterSeed, long... path) {
        Checks.requireNonNull("path", path);
        long h = mix(masterSeed);
        for (int i = 0; i < path.length; i++) {
            h = mix(h ^ mix(path[i] + (i + 1) * GOLDEN_GAMMA));
        }
        return h;
    }

    /** A fresh xoroshiro128++ generator seeded with {@code seed}. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** {@code rng(trialSeed(masterSeed, path))}: the generator of one trial. */
    public static UniformRandomProvider rng(long masterSeed, long... path) {
        return rng(trialSeed(masterSeed, path));
    }

    /**
     * The SplitMix64 finalizer (Stafford variant 13): a bijective 64-bit mixer in which every
     * input bit affects every output bit with probability close to 1/2.
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
