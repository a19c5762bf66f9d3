package org.pcmsim.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.montecarlo.TrialStreams;

/**
 * The named random streams of pcm-nn: every consumer of randomness draws from its own stream of
 * the root seed, so no two consumers ever replay each other's numbers (the synthetic generator and
 * the training shuffle, say, once shared a stream).
 *
 * <p>Stream X of root seed s has its own sub-seed, {@code TrialStreams.stream(s, key(X), DATA)}'s
 * first output, where key(X) is fixed per constant (never the ordinal, so adding a stream changes
 * no other); index i of that stream is {@code TrialStreams.stream(subSeed, i, DATA)}. Nothing else
 * in pcm-nn draws from the root seed directly.
 */
public enum NnStream {
    /** The class textures of the synthetic dataset; index 0. */
    SYNTHETIC_CLASSES(1),
    /** The images of synthetic set i (1 = training, 2 = test). */
    SYNTHETIC_IMAGES(2),
    /** DL4J's parameter initialisation (its seed is {@link #seed}); no index. */
    INITIALISATION(3),
    /** The shuffle and augmentation of training epoch i. */
    TRAINING_ORDER(4),
    /** The noise-aware training noise of (layer, iteration), index (layer · 2^31 + iteration). */
    TRAINING_NOISE(5),
    /** The chips: programming, calibration and reads of chip i (see the analog package's streams). */
    CHIPS(6),
    /**
     * The converters and periphery of the chips: ADC mismatch (once per chip), DAC and ADC noise of
     * every read (see the analog package's streams). Separate from {@link #CHIPS}, so switching the
     * converters on leaves programming and device read noise as they were.
     */
    PERIPHERY(7);

    private final long key;

    NnStream(long key) {
        this.key = key;
    }

    /**
     * @param root the root seed
     * @return this stream's sub-seed
     */
    public long seed(long root) {
        return TrialStreams.stream(root, key, TrialStreams.DATA).nextLong();
    }

    /**
     * @param root the root seed
     * @param index the index within this stream, ≥ 0 (an epoch, a synthetic set, …)
     * @return a fresh generator, the same for the same (root, stream, index)
     */
    public UniformRandomProvider stream(long root, long index) {
        return TrialStreams.stream(seed(root), index, TrialStreams.DATA);
    }
}
