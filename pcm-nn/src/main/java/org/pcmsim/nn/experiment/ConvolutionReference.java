package org.pcmsim.nn.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.nn.model.ResNetSpec;

/**
 * What libnd4j's own {@code conv2d} reaches on a network's convolutions, called one by one outside
 * DL4J: the yardstick beside which {@code pcm bench --dnn} puts the whole network's inference
 * (docs/performance.md, "Fashion-MNIST at full scale"). Every convolution of the network
 * ({@link ResNetSpec#convolutions}) runs on a batch of random float images in NCHW with OIYX weights,
 * as DL4J's convolution layer hands them over, on the calling thread's libnd4j threads
 * ({@code OMP_NUM_THREADS}); the median over the repeats of the sum of their times is reported.
 *
 * <p>{@link Convolutions} does the same for a training step's convolutions: each one forward
 * ({@code conv2d}) and backward ({@code conv2d_bp}: the gradients of its input and of its weights), at
 * a training batch size, as DL4J's convolution layer calls them through its oneDNN helper. It bounds
 * from below what a DL4J training step can cost: the convolutions are the only part of a step whose
 * kernels DL4J cannot avoid, whatever is done around them.
 */
public final class ConvolutionReference {
    private ConvolutionReference() {
    }

    /**
     * @param secondsPer1000 the network's convolutions alone, s per 1000 images
     * @param gflops their multiply-accumulates × 2 over that time, GFLOP/s
     */
    public record Result(double secondsPer1000, double gflops) {
    }

    /**
     * @param spec the network
     * @param channels input channels
     * @param side input side, pixels
     * @param batch images per call (the figures use 500)
     * @param repeats timed repetitions after one untimed warm-up, ≥ 1
     * @return the time and rate of the convolutions alone
     */
    public static Result measure(ResNetSpec spec, int channels, int side, int batch, int repeats) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        Convolutions convs = new Convolutions(spec, channels, side, batch, false);
        double[] seconds = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            long t = System.nanoTime();
            convs.run();
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - t) / 1e9;
            }
        }
        double median = DnnBenchmark.median(seconds);
        return new Result(median * 1000.0 / batch, convs.flops() / median / 1e9);
    }

    /**
     * A network's convolutions, ready to run on random arrays allocated once: every convolution
     * forward (an inference chunk's worth) or, for a training step, forward and then, in reverse
     * order, backward.
     */
    public static final class Convolutions {
        private final INDArray[] in;
        private final INDArray[] w;
        private final INDArray[] out;
        private final INDArray[] gradOut;
        private final INDArray[] gradIn;
        private final INDArray[] gradW;
        private final int[][] args;
        private final long flops;
        private final boolean backward;

        /**
         * @param spec the network
         * @param channels input channels
         * @param side input side, pixels
         * @param batch images per call, ≥ 1
         * @param backward whether {@link #run} also runs every convolution backward (a training step)
         */
        public Convolutions(ResNetSpec spec, int channels, int side, int batch, boolean backward) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            }
            this.backward = backward;
            List<ResNetSpec.Convolution> convs = spec.convolutions(channels, side);
            int n = convs.size();
            in = new INDArray[n];
            w = new INDArray[n];
            out = new INDArray[n];
            gradOut = new INDArray[n];
            gradIn = new INDArray[n];
            gradW = new INDArray[n];
            args = new int[n][];
            long macs = 0;
            // Arrays of the same shape are shared (their contents do not matter): a ResNet-32 stage at
            // batch 500 would otherwise hold ten 33 MB inputs off the heap.
            Map<String, INDArray> byShape = new HashMap<>();
            for (int i = 0; i < n; i++) {
                ResNetSpec.Convolution c = convs.get(i);
                in[i] = shared(byShape, "x", batch, c.in(), c.inputSide(), c.inputSide());
                w[i] = shared(byShape, "w", c.out(), c.in(), c.kernel(), c.kernel());
                // Outputs allocated once, as DL4J's workspaces hand them to the layers (not zeroed per call).
                out[i] = shared(byShape, "y", batch, c.out(), c.outputSide(), c.outputSide());
                if (backward) {
                    gradOut[i] = shared(byShape, "dy", batch, c.out(), c.outputSide(), c.outputSide());
                    gradIn[i] = shared(byShape, "dx", batch, c.in(), c.inputSide(), c.inputSide());
                    gradW[i] = shared(byShape, "dw", c.out(), c.in(), c.kernel(), c.kernel());
                }
                // conv2d's and conv2d_bp's integer arguments: kH, kW, sH, sW, pH, pW, dH, dW, same mode,
                // 0 = NCHW, 1 = OIYX weights.
                args[i] = new int[] {c.kernel(), c.kernel(), c.stride(), c.stride(), 0, 0, 1, 1, 1, 0, 1};
                macs += c.multiplyAccumulates();
            }
            // Forward, input gradient and weight gradient: three products of the same size.
            flops = (backward ? 3 : 1) * 2 * macs * batch;
        }

        private static INDArray shared(Map<String, INDArray> byShape, String role, long... shape) {
            return byShape.computeIfAbsent(role + java.util.Arrays.toString(shape), k -> Nd4j.rand(DataType.FLOAT, shape));
        }

        /**
         * Runs the convolutions once on the calling thread's native threads (oneDNN follows
         * the calling thread's OpenMP count: {@link org.pcmsim.nn.training.TrainingThreads#during}
         * chooses it).
         */
        public void run() {
            for (int i = 0; i < in.length; i++) {
                Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(in[i], w[i]).addOutputs(out[i])
                        .addIntegerArguments(args[i]).build());
            }
            for (int i = backward ? in.length - 1 : -1; i >= 0; i--) {
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(in[i], w[i], gradOut[i])
                        .addOutputs(gradIn[i], gradW[i]).addIntegerArguments(args[i]).build());
            }
        }

        /** @return floating-point operations of one {@link #run}: (3 or 1) × 2 × multiply-accumulates */
        public long flops() {
            return flops;
        }
    }
}
