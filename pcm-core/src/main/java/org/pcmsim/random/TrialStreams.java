package org.pcmsim.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Derives the independent random streams of an index (a trial, a chip, a layer) from one seed, so
 * that any trial can be replayed alone from (seed, trial index) and results do not depend on how
 * trials are spread over threads.
 *
 * <p>Stream {@code s} of index {@code i} is a Commons RNG XoRoShiRo128++ generator whose two state
 * words are outputs 2·key and 2·key + 1 (counting from 0) of the SplitMix64 sequence started at the
 * seed, mix64(seed + (2·key + 1)·γ) and mix64(seed + (2·key + 2)·γ) with γ the golden gamma, where
 * key = 4·i + slot(s) ({@link TrialStream#slot}). SplitMix64 outputs can be computed at any
 * position, which is what lets a trial start without generating the ones before it, and are the
 * standard way to seed the xoroshiro family (Blackman and Vigna 2018; docs/model.md §7).
 */
public final class TrialStreams {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private TrialStreams() {
    }

    /**
     * @param seed the root seed
     * @param index the trial (or chip, or layer) index, ≥ 0
     * @param stream which of the index's streams
     * @return a fresh generator for that stream
     */
    public static UniformRandomProvider stream(long seed, long index, TrialStream stream) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        long key = TrialStream.SLOTS * index + stream.slot();
        long s0 = mix64(seed + (2 * key + 1) * GOLDEN_GAMMA);
        long s1 = mix64(seed + (2 * key + 2) * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /**
     * The two generators of a trial's periphery, from its {@link TrialStream#PERIPHERY} stream: the
     * chip's static errors (the stream itself) and the per-conversion noise (the stream jumped ahead by
     * 2^64 outputs: {@code jump()} returns a copy and advances the original), so the mismatch of a chip does not depend on how many conversions follow.
     *
     * @param seed the root seed
     * @param trial the trial index, ≥ 0
     * @return the chip's and the conversions' generators
     */
    public static PeripheryStreams periphery(long seed, long trial) {
        XoRoShiRo128PlusPlus conversions = (XoRoShiRo128PlusPlus) stream(seed, trial, TrialStream.PERIPHERY);
        UniformRandomProvider chip = conversions.jump();
        return new PeripheryStreams(chip, conversions);
    }

    /**
     * A seed for the sub-experiment {@code key} of {@code seed} (a chip of a DNN inference, a layer of
     * a chip, the time of a read): the first output of the {@link TrialStream#PERIPHERY} stream of
     * index {@code key}. Used only on seeds that are never trial seeds themselves.
     *
     * @param seed the parent seed
     * @param key the sub-experiment, ≥ 0
     * @return its seed
     */
    public static long subSeed(long seed, long key) {
        return stream(seed, key, TrialStream.PERIPHERY).nextLong();
    }

    /** The SplitMix64 output function (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
