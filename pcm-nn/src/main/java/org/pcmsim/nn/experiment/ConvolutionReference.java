package org.pcmsim.nn.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
}
