package org.pcmsim.nn.model;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/** Small helpers that treat a {@link ComputationGraph} and a {@link MultiLayerNetwork} alike. */
public final class Networks {
    private Networks() {
    }

    /**
     * The inference-mode output. Batch-norm layers that run on oneDNN get their inference pass from a
     * faster Java loop with oneDNN's arithmetic, the same outputs to the bit (installed on the first
     * call; training and backpropagation stay on oneDNN).
     *
     * @param net a single-input, single-output network
     * @param features input batch
     * @return the inference-mode output
     */
    public static INDArray output(Model net, INDArray features) {
        InferenceBatchNorm.install(net);
        if (net instanceof ComputationGraph cg) {
            return cg.outputSingle(false, features);
        }
        if (net instanceof MultiLayerNetwork mln) {
            return mln.output(features, false);
        }
        throw new IllegalArgumentException("unsupported network type " + net.getClass().getName());
    }

    /**
     * One training step on a batch ({@code fit}). Convolution layers that run on oneDNN skip the
     * second forward pass DL4J makes in their backward pass, whose result is never read (installed on
     * the first call; the same weights to the bit, one convolution fewer per layer).
     *
     * @param net a network
     * @param batch the batch's features and labels
     */
    public static void fit(Model net, DataSet batch) {
        TrainingConvolution.install(net);
        if (net instanceof ComputationGraph cg) {
            cg.fit(batch);
        } else if (net instanceof MultiLayerNetwork mln) {
            mln.fit(batch);
        } else {
            throw new IllegalArgumentException("unsupported network type " + net.getClass().getName());
        }
    }

    /**
     * @param net a network
     * @return an independent deep copy (configuration and parameters)
     */
    public static Model copy(Model net) {
        if (net instanceof ComputationGraph cg) {
            return cg.clone();
        }
        if (net instanceof MultiLayerNetwork mln) {
            return mln.clone();
        }
        throw new IllegalArgumentException("unsupported network type " + net.getClass().getName());
    }

    /**
     * @param net a network
     * @return its layers, in execution (topological) order for a graph
     */
    public static org.deeplearning4j.nn.api.Layer[] layers(Model net) {
        if (net instanceof ComputationGraph cg) {
            org.deeplearning4j.nn.api.Layer[] out = new org.deeplearning4j.nn.api.Layer[cg.getNumLayers()];
            int i = 0;
            for (int v : cg.topologicalSortOrder()) {
                org.deeplearning4j.nn.graph.vertex.GraphVertex gv = cg.getVertices()[v];
                if (gv.hasLayer()) {
                    out[i++] = gv.getLayer();
                }
            }
            return java.util.Arrays.copyOf(out, i);
        }
        if (net instanceof MultiLayerNetwork mln) {
            return mln.getLayers();
        }
        throw new IllegalArgumentException("unsupported network type " + net.getClass().getName());
    }
}
