package org.pcmsim.nn.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
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
 * <p>{@link TrainingConvolutions} does the same for a training step's convolutions: each one forward
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
        List<ResNetSpec.Convolution> convs = spec.convolutions(channels, side);
        INDArray[] inputs = new INDArray[convs.size()];
        INDArray[] weights = new INDArray[convs.size()];
        Conv2DConfig[] configs = new Conv2DConfig[convs.size()];
        Map<String, INDArray> inputsByShape = new HashMap<>();
        Map<String, INDArray> weightsByShape = new HashMap<>();
        long macs = 0;
        for (int i = 0; i < convs.size(); i++) {
            ResNetSpec.Convolution c = convs.get(i);
            // Convolutions of the same shapes share their arrays: a ResNet-32 stage at batch 500 would
            // otherwise hold ten 33 MB inputs off the heap.
            inputs[i] = inputsByShape.computeIfAbsent(c.in() + "x" + c.inputSide(),
                    k -> Nd4j.rand(DataType.FLOAT, batch, c.in(), c.inputSide(), c.inputSide()));
            weights[i] = weightsByShape.computeIfAbsent(c.out() + "x" + c.in() + "x" + c.kernel(),
                    k -> Nd4j.rand(DataType.FLOAT, c.out(), c.in(), c.kernel(), c.kernel()));
            configs[i] = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(c.stride()).sW(c.stride())
                    .paddingMode(PaddingMode.SAME).weightsFormat(WeightsFormat.OIYX).dataFormat("NCHW").build();
            macs += c.multiplyAccumulates();
        }
        double[] seconds = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < convs.size(); i++) {
                Nd4j.cnn().conv2d(inputs[i], weights[i], configs[i]);
            }
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - t) / 1e9;
            }
        }
        double median = DnnBenchmark.median(seconds);
        return new Result(median * 1000.0 / batch, 2.0 * macs * batch / median / 1e9);
    }

    /**
     * One training step's convolutions, ready to run: every convolution of a network forward and then,
     * in reverse order, backward, on random arrays of a training batch's shapes allocated once.
     */
    public static final class TrainingConvolutions {
        private final INDArray[] in;
        private final INDArray[] w;
        private final INDArray[] gradOut;
        private final INDArray[] gradIn;
        private final INDArray[] gradW;
        private final Conv2DConfig[] configs;
        private final int[][] args;
        private final long flops;

        /**
         * @param spec the network
         * @param channels input channels
         * @param side input side, pixels
         * @param batch training batch size, ≥ 1
         */
        public TrainingConvolutions(ResNetSpec spec, int channels, int side, int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            }
            List<ResNetSpec.Convolution> convs = spec.convolutions(channels, side);
            int n = convs.size();
            in = new INDArray[n];
            w = new INDArray[n];
            gradOut = new INDArray[n];
            gradIn = new INDArray[n];
            gradW = new INDArray[n];
            configs = new Conv2DConfig[n];
            args = new int[n][];
            long macs = 0;
            for (int i = 0; i < n; i++) {
                ResNetSpec.Convolution c = convs.get(i);
                in[i] = Nd4j.rand(DataType.FLOAT, batch, c.in(), c.inputSide(), c.inputSide());
                w[i] = Nd4j.rand(DataType.FLOAT, c.out(), c.in(), c.kernel(), c.kernel());
                gradOut[i] = Nd4j.rand(DataType.FLOAT, batch, c.out(), c.outputSide(), c.outputSide());
                gradIn[i] = Nd4j.createUninitialized(DataType.FLOAT, in[i].shape());
                gradW[i] = Nd4j.createUninitialized(DataType.FLOAT, w[i].shape());
                configs[i] = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(c.stride()).sW(c.stride())
                        .paddingMode(PaddingMode.SAME).weightsFormat(WeightsFormat.OIYX).dataFormat("NCHW").build();
                // conv2d_bp's integer arguments: kH, kW, sH, sW, pH, pW, dH, dW, same mode, 0 = NCHW, 1 = OIYX.
                args[i] = new int[] {c.kernel(), c.kernel(), c.stride(), c.stride(), 0, 0, 1, 1, 1, 0, 1};
                macs += c.multiplyAccumulates();
            }
            // Forward, input gradient and weight gradient: three products of the same size.
            flops = 3 * 2 * macs * batch;
        }

        /**
         * Runs the step's convolutions once on the calling thread's native threads (oneDNN follows
         * the calling thread's OpenMP count: {@link org.pcmsim.nn.training.TrainingThreads#during}
         * chooses it).
         */
        public void run() {
            for (int i = 0; i < in.length; i++) {
                Nd4j.cnn().conv2d(in[i], w[i], configs[i]);
            }
            for (int i = in.length - 1; i >= 0; i--) {
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(in[i], w[i], gradOut[i])
                        .addOutputs(gradIn[i], gradW[i]).addIntegerArguments(args[i]).build());
            }
        }

        /** @return floating-point operations of one {@link #run}: 3 × 2 × multiply-accumulates */
        public long flops() {
            return flops;
        }
    }
}
