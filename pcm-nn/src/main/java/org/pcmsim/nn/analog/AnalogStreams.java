package org.pcmsim.nn.analog;

import org.apache.commons.rng.UniformRandomProvider;
import org.pcmsim.random.NamedStream;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/**
 * The random streams of an analog layer, each a function of its coordinates only: programming and
 * the GDC reference read of layer l on chip (seed, chip), and read noise of one forward pass at
 * time t with read index p. Nothing depends on the order in which layers, passes or threads run,
 * so a layer programs alone (lazily) to the same state as in a whole-network programming, and a
 * chunk of test images read on any thread sees the same noise. Every chip stream descends from
 * the root seed's {@link NamedStream#CHIPS} stream, so no other consumer of the seed replays them;
 * the converters' streams descend from {@link NamedStream#PERIPHERY} in the same way
 * (docs/model.md §7).
 */
final class AnalogStreams {
    private AnalogStreams() {
    }

    /** The root of chip {@code chip}'s streams: a sub-seed of the root seed's {@link NamedStream#CHIPS} stream. */
    static long chipSeed(long seed, long chip) {
        return TrialStreams.subSeed(NamedStream.CHIPS.seed(seed), chip);
    }

    /** Programming noise and drift exponents of layer {@code layer} of chip (seed, chip). */
    static UniformRandomProvider programming(long seed, long chip, int layer) {
        return TrialStreams.stream(chipSeed(seed, chip), layer, TrialStream.PROGRAMMING);
    }

    /** The read at t0, just after programming, that gives layer {@code layer} its GDC reference. */
    static UniformRandomProvider calibration(long seed, long chip, int layer) {
        return TrialStreams.stream(chipSeed(seed, chip), layer, TrialStream.READ);
    }

    /** The root of chip {@code chip}'s periphery streams, from the root seed's {@link NamedStream#PERIPHERY} stream. */
    static long peripherySeed(long seed, long chip) {
        return TrialStreams.subSeed(NamedStream.PERIPHERY.seed(seed), chip);
    }

    /** ADC gain and offset mismatch of layer {@code layer} of chip (seed, chip), drawn once. */
    static UniformRandomProvider adcMismatch(long seed, long chip, int layer) {
        return TrialStreams.stream(peripherySeed(seed, chip), layer, TrialStream.PROGRAMMING);
    }

    /** DAC and ADC noise of the converter read at t0 that gives layer {@code layer} its GDC reference. */
    static UniformRandomProvider converterCalibration(long seed, long chip, int layer) {
        return TrialStreams.stream(peripherySeed(seed, chip), layer, TrialStream.READ);
    }

    /** DAC and ADC noise of layer {@code layer} in the forward pass with read index {@code pass} at time t. */
    static UniformRandomProvider converterRead(long seed, long chip, int layer, double t, long pass) {
        return passStream(peripherySeed(seed, chip), layer, t, pass);
    }

    /**
     * 1/f read noise of layer {@code layer} in the forward pass with read index {@code pass} at time
     * {@code t} (s, ≥ 0).
     */
    static UniformRandomProvider read(long seed, long chip, int layer, double t, long pass) {
        return passStream(chipSeed(seed, chip), layer, t, pass);
    }

    /** The read stream of pass {@code pass} at time t, under layer {@code layer} of a chip seed. */
    private static UniformRandomProvider passStream(long chipSeed, int layer, double t, long pass) {
        // + 0.0 turns -0.0 into 0.0: the bits of a non-negative double are a non-negative key.
        long time = Double.doubleToLongBits(t + 0.0);
        long layerSeed = TrialStreams.subSeed(chipSeed, layer);
        return TrialStreams.stream(TrialStreams.subSeed(layerSeed, time), pass, TrialStream.READ);
    }
}
