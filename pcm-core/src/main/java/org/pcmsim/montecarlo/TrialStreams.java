package org.pcmsim.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Derives the independent random streams of a trial from one root seed, so that any trial can be
 * replayed alone from (seed, trial index) and results do not depend on how trials are spread over
 * threads.
 *
 * <p>Stream {@code s} of trial {@code i} is a XoRoShiRo128++ generator whose two state words are
 * outputs 2·key and 2·key + 1 of the SplitMix64 sequence started at the root seed, with
 * key = 4·i + s. SplitMix64 outputs can be computed at any position, and are the standard way to
 * seed the xoroshiro family (Blackman and Vigna 2018).
 */
public final class TrialStreams {
    /** Data stream: the trial's weights and inputs. */
    public static final int DATA = 0;
    /** Programming stream: programming noise and drift exponents. */
    public static final int PROGRAMMING = 1;
    /** Read stream: 1/f read noise of every read. */
    public static final int READ = 2;
    /**
     * Periphery stream: the chip's ADC mismatch and the converters' per-conversion noise
     * ({@link #peripheryStreams}); unused, and so never created, with the ideal periphery.
     */
    public static final int PERIPHERY = 3;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private TrialStreams() {
    }

    /**
     * @param seed the root seed
     * @param trial the trial index, ≥ 0
     * @param stream {@link #DATA}, {@link #PROGRAMMING}, {@link #READ} or {@link #PERIPHERY} (0 … 3)
     * @return a fresh generator for that stream
     */
    public static UniformRandomProvider stream(long seed, long trial, int stream) {
        if (trial < 0) {
            throw new IllegalArgumentException("trial must be >= 0, got " + trial);
        }
        if (stream < 0 || stream > 3) {
            throw new IllegalArgumentException("stream must be in 0..3, got " + stream);
        }
        long key = 4 * trial + stream;
        long s0 = mix64(seed + (2 * key + 1) * GOLDEN_GAMMA);
        long s1 = mix64(seed + (2 * key + 2) * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /**
     * The two generators of a trial's periphery, from its {@link #PERIPHERY} stream: the chip's static
     * errors (the stream itself) and the per-conversion noise (the stream jumped ahead by 2^64 outputs),
     * so the mismatch of a chip does not depend on how many conversions follow.
     *
     * @param seed the root seed
     * @param trial the trial index, ≥ 0
     * @return {chip, conversions}
     */
    public static UniformRandomProvider[] peripheryStreams(long seed, long trial) {
        XoRoShiRo128PlusPlus conversions = (XoRoShiRo128PlusPlus) stream(seed, trial, PERIPHERY);
        UniformRandomProvider chip = conversions.jump();
        return new UniformRandomProvider[] {chip, conversions};
    }

    /** The SplitMix64 output function (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
