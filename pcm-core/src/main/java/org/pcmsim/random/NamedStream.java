package org.pcmsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The named streams of a root seed: every consumer of randomness that is not a Monte Carlo trial
 * draws from its own stream, so no two consumers ever replay each other's numbers (the synthetic
 * dataset generator and the training shuffle once shared one).
 *
 * <p>Stream X of root seed s has its own sub-seed, the first output of
 * {@code TrialStreams.stream(s, key(X), DATA)}, where key(X) is fixed per constant (never the
 * ordinal, so adding a stream changes no other); index i of stream X is
 * {@code TrialStreams.stream(subSeed, i, DATA)}. The Monte Carlo trials of pcm-core use the root
 * seed's trial streams directly ({@link TrialStreams}); the DNN pipeline draws only from these.
 */
public enum NamedStream {
    /** The class textures of the synthetic dataset; index 0. */
    SYNTHETIC_CLASSES(1),
    /** The images of synthetic set i (1 = training, 2 = test). */
    SYNTHETIC_IMAGES(2),
    /** The network's parameter initialisation (its seed is {@link #seed}); no index. */
    INITIALISATION(3),
    /** The shuffle and augmentation of training epoch i. */
    TRAINING_ORDER(4),
    /** The noise-aware training noise of (layer, iteration), index (layer · 2^31 + iteration). */
    TRAINING_NOISE(5),
    /**
     * The chips of a DNN inference: chip i's sub-seed is {@code TrialStreams.subSeed(seed(root), i)},
     * and layer l of the chip programs from its {@link TrialStream#PROGRAMMING} stream of index l,
     * calibrates from its {@link TrialStream#READ} stream of index l, and reads from sub-seeds of
     * (layer, time) (docs/model.md §7).
     */
    CHIPS(6),
    /**
     * The converters and periphery of the DNN chips: ADC mismatch (once per chip and layer), DAC and
     * ADC noise of every read, keyed like {@link #CHIPS}. Separate from it, so switching the
     * converters on leaves programming and device read noise as they were.
     */
    PERIPHERY(7),
    /**
     * Synthetic weight matrices ({@code WeightDistribution.sample}); index 0. Before it had its own
     * stream, a matrix drawn with seed s replayed trial 0's periphery stream of s (docs/model.md §7).
     */
    SYNTHETIC_WEIGHTS(8);

    private final long key;

    NamedStream(long key) {
        this.key = key;
    }

    /**
     * @return this stream's fixed key, the index of the root seed it derives from
     */
    public long key() {
        return key;
    }

    /**
     * @param root the root seed
     * @return this stream's sub-seed
     */
    public long seed(long root) {
        return TrialStreams.stream(root, key, TrialStream.DATA).nextLong();
    }

    /**
     * @param root the root seed
     * @param index the index within this stream, ≥ 0 (an epoch, a synthetic set, …)
     * @return a fresh generator, the same for the same (root, stream, index)
     */
    public UniformRandomProvider stream(long root, long index) {
        return TrialStreams.stream(seed(root), index, TrialStream.DATA);
    }
}
