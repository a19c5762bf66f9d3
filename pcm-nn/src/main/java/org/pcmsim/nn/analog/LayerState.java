package org.pcmsim.nn.analog;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mutable runtime state of one instantiated analog layer: the chip it reads (its own, or a
 * replica's source's, shared read-only), the chip it programs next, its drift time and the read
 * index of its next inference pass. Created from the {@link AnalogLayerSpec} of its configuration on
 * first use; never saved.
 */
final class LayerState {
    private final AnalogConfig config;
    private final org.deeplearning4j.nn.conf.layers.Layer conf;
    private final int layerIndex;
    long seed;
    long chip;
    double driftTime;
    long nextPass;
    /** This layer's own chip, or null while it follows {@link #source}. */
    private ProgrammedLayer programmed;
    /** A replica's source: its chip is used, read-only, while it holds this layer's weights. */
    private LayerState source;
    /** The working arrays of this layer instance's reads, whichever chip it reads. */
    private final ReadBuffers buffers = new ReadBuffers();

    LayerState(AnalogLayerSpec spec, Layer layer) {
        this.config = spec.config();
        this.conf = layer.conf().getLayer();
        this.layerIndex = layer.getIndex();
        this.seed = spec.seed();
        this.chip = spec.chip();
        this.driftTime = spec.driftTime();
    }

    /** @return the deployment */
    AnalogConfig config() {
        return config;
    }

    /** The chip holding these weights as (seed, chip), programming it if it does not. */
    ProgrammedLayer current(INDArray w) {
        if (source != null) {
            ProgrammedLayer shared = source.programmed;
            if (shared != null && shared.holds(w, source.seed, source.chip)) {
                return shared;
            }
            // The replica's weights differ from its source's: it programs its own chip (the one
            // the source would program from these weights: the streams are keyed, not sequential).
            detach();
        }
        if (programmed == null) {
            programmed = new ProgrammedLayer(conf, layerIndex, w.shape(), config);
        }
        if (!programmed.holds(w, seed, chip)) {
            programmed.program(w, seed, chip);
        }
        return programmed;
    }

    /** @return the buffers of this layer instance's reads (its thread's) */
    ReadBuffers buffers() {
        return buffers;
    }

    /** @return the chip this layer reads (its own or its source's), or null before programming */
    ProgrammedLayer programmed() {
        return source != null ? source.programmed : programmed;
    }

    /** Shares the source's chip, whatever it programs next, while this layer's weights agree with it. */
    void follow(LayerState s) {
        if (s.source != null) {
            throw new IllegalArgumentException("a replica cannot be the source of another replica");
        }
        source = s;
        programmed = null;
        driftTime = s.driftTime;
    }

    /** Stops following: this layer keeps the source's current (seed, chip) and programs its own chip. */
    void detach() {
        if (source != null) {
            seed = source.seed;
            chip = source.chip;
            source = null;
        }
    }

    /** Selects the chip this layer programs on its next inference pass. */
    void setChip(long newSeed, long newChip) {
        if (newChip < 0) {
            throw new IllegalArgumentException("chip must be >= 0, got " + newChip);
        }
        source = null;
        seed = newSeed;
        chip = newChip;
    }

    /**
     * The states of the layer instances one hook serves, keyed by identity and held weakly (a
     * discarded network frees its chips). DL4J shares a hook between a network and its clones.
     */
    static final class Registry {
        private final List<Ref> states = new ArrayList<>();

        /** @return the state of this layer, created from the spec on first use */
        synchronized LayerState of(AnalogLayerSpec spec, Layer layer) {
            for (Iterator<Ref> it = states.iterator(); it.hasNext(); ) {
                Ref r = it.next();
                Layer l = r.get();
                if (l == null) {
                    it.remove();
                } else if (l == layer) {
                    return r.state;
                }
            }
            LayerState s = new LayerState(spec, layer);
            states.add(new Ref(layer, s));
            return s;
        }
    }

    private static final class Ref extends WeakReference<Layer> {
        final LayerState state;

        Ref(Layer layer, LayerState state) {
            super(layer);
            this.state = state;
        }
    }
}
