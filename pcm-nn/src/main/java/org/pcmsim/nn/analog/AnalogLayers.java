package org.pcmsim.nn.analog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pcmsim.nn.model.Networks;

/**
 * Analog convolution and dense layers for DL4J network configurations, and the controls of a
 * network built from them. A layer is analog when its configuration carries an
 * {@link AnalogWeightNoise}; the builders here return DL4J's own builders with one attached, so
 * every DL4J option stays available and the configuration serialises as usual:
 *
 * <pre>{@code
 * AnalogWeightNoise chip = AnalogWeightNoise.paper(SlicingAlgorithm.MAX_FILL, 8, 1, 42);
 * MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
 *         .layer(AnalogLayers.convolution(chip, 3, 3).nOut(16).activation(Activation.RELU).build())
 *         .layer(AnalogLayers.dense(chip).nOut(64).activation(Activation.RELU).build())
 *         .layer(AnalogLayers.output(chip, LossFunctions.LossFunction.MCXENT).nOut(10)
 *                 .activation(Activation.SOFTMAX).build())
 *         .setInputType(InputType.convolutional(32, 32, 3)).build();
 * }</pre>
 *
 * <p>The controls act on one network instance (its layers' runtime state), never on the
 * configuration it was built from: {@link #setDriftTime} (later reads at another time, no
 * re-programming), {@link #setChip} (another chip, programmed on the next inference pass),
 * {@link #program} (program now), {@link #seekRead} (the read index of the next pass).
 */
public final class AnalogLayers {
    private AnalogLayers() {
    }

    /**
     * @param analog the deployment (each layer gets its own copy)
     * @return a dense-layer builder whose weights live on a PCM chip
     */
    public static DenseLayer.Builder dense(AnalogWeightNoise analog) {
        return new DenseLayer.Builder().weightNoise(Objects.requireNonNull(analog, "analog").clone());
    }

    /**
     * @param analog the deployment (each layer gets its own copy)
     * @param kernelSize kernel height and width
     * @return a 2-D convolution builder whose kernels live on a PCM chip
     */
    public static ConvolutionLayer.Builder convolution(AnalogWeightNoise analog, int... kernelSize) {
        return new ConvolutionLayer.Builder(kernelSize).weightNoise(Objects.requireNonNull(analog, "analog").clone());
    }

    /**
     * @param analog the deployment (each layer gets its own copy)
     * @param loss the loss function
     * @return an output-layer builder whose weights live on a PCM chip
     */
    public static OutputLayer.Builder output(AnalogWeightNoise analog, LossFunctions.LossFunction loss) {
        return new OutputLayer.Builder(loss).weightNoise(Objects.requireNonNull(analog, "analog").clone());
    }

    /**
     * @param layer an instantiated layer
     * @return its analog hook, or null if it is digital
     */
    static AnalogWeightNoise hook(Layer layer) {
        if (layer.conf().getLayer() instanceof BaseLayer b && b.getWeightNoise() instanceof AnalogWeightNoise a
                && ProgrammedLayer.isAnalog(b)) {
            return a;
        }
        return null;
    }

    /**
     * @param net a {@code ComputationGraph} or {@code MultiLayerNetwork}
     * @return its analog layers, in execution order
     */
    public static List<Layer> analogLayers(Model net) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : Networks.layers(net)) {
            if (hook(l) != null) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Gives the analog layers whose configuration has converters ({@link LayerConverters}) their
     * converter form: in inference they compute their product tile by tile and slice by slice through
     * the DAC, the ADCs and the periphery, instead of multiplying by the read weights. Call it once on
     * a network built from a configuration (after {@code init()}) or loaded from a file;
     * {@link AnalogNetwork} does it itself. Layers without converters are left as they are, so this is
     * a no-op for the paper's deployment. The configuration is not changed.
     *
     * @param net the network
     * @return the number of layers given converters
     */
    public static int attachConverters(Model net) {
        return ConverterLayers.attach(net);
    }

    /**
     * Moves every analog layer of the network in time: later inference passes read at this time,
     * with the chips as programmed (no re-programming).
     *
     * @param net the network
     * @param seconds time since programming, s, ≥ 0
     */
    public static void setDriftTime(Model net, double seconds) {
        AnalogLayerSpec.checkReadTime(seconds);
        for (Layer l : analogLayers(net)) {
            hook(l).state(l).driftTime = seconds;
        }
    }

    /**
     * Selects another chip: every analog layer programs chip (seed, chip) from its weights on the
     * next inference pass (or {@link #program}).
     *
     * @param net the network
     * @param seed root seed
     * @param chip chip index, ≥ 0
     */
    public static void setChip(Model net, long seed, long chip) {
        for (Layer l : analogLayers(net)) {
            hook(l).state(l).setChip(seed, chip);
        }
    }

    /**
     * Sets the read index of the next inference pass (later passes count up from it). Reads with
     * the same chip, time and index draw the same noise: a fixed index per chunk of test images
     * makes an evaluation independent of how the chunks are spread over threads.
     *
     * @param net the network
     * @param pass read index, ≥ 0
     */
    public static void seekRead(Model net, long pass) {
        if (pass < 0) {
            throw new IllegalArgumentException("pass must be >= 0, got " + pass);
        }
        for (Layer l : analogLayers(net)) {
            hook(l).state(l).nextPass = pass;
        }
    }

    /**
     * Programs, now, every analog layer that does not already hold its current weights as its
     * selected chip (otherwise the first inference pass does it).
     *
     * @param net the network
     * @return the chip of every analog layer, in execution order
     */
    public static List<ProgrammedLayer> program(Model net) {
        List<ProgrammedLayer> out = new ArrayList<>();
        for (Layer l : analogLayers(net)) {
            out.add(hook(l).state(l).current(l.getParam("W")));
        }
        return out;
    }

    /**
     * @param net the network
     * @return the chip each analog layer reads (null where not programmed yet), in execution order
     */
    public static List<ProgrammedLayer> programmed(Model net) {
        List<ProgrammedLayer> out = new ArrayList<>();
        for (Layer l : analogLayers(net)) {
            out.add(hook(l).state(l).programmed());
        }
        return out;
    }

    /**
     * @param net the network
     * @return the drift time of its analog layers, s (that of the first; they move together)
     */
    public static double driftTime(Model net) {
        List<Layer> layers = analogLayers(net);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the network has no analog layer");
        }
        return hook(layers.get(0)).state(layers.get(0)).driftTime;
    }

    /**
     * Makes a copy's analog layers read the source's chips, read-only and without programming them
     * again, for as long as their weights agree (a copy whose weights change programs its own).
     *
     * @param replica a {@code clone()} of source
     * @param source the network whose chips are shared
     */
    static void follow(Model replica, Model source) {
        List<Layer> r = analogLayers(replica);
        List<Layer> s = analogLayers(source);
        if (r.size() != s.size()) {
            throw new IllegalArgumentException("replica has " + r.size() + " analog layers, source " + s.size());
        }
        for (int i = 0; i < r.size(); i++) {
            hook(r.get(i)).state(r.get(i)).follow(hook(s.get(i)).state(s.get(i)));
        }
    }
}
