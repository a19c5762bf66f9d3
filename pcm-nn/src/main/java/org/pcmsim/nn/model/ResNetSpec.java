package org.pcmsim.nn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcmsim.nn.data.LabeledImages;

/**
 * A CIFAR ResNet (He et al. 2016, section 4.2): a 3×3 stem convolution, three stages of
 * {@code blocksPerStage} basic blocks (two 3×3 convolutions with batch norm and ReLU, identity
 * shortcut) whose widths are {@code widths}, stride 2 at the first block of stages 2 and 3 with a
 * 1×1 convolution + batch norm projection shortcut (He's option B), global average pooling and a
 * dense softmax layer. Depth = 6·blocksPerStage + 2.
 *
 * @param name identifier used in file names and provenance
 * @param blocksPerStage basic blocks per stage, ≥ 1 (5 for ResNet-32)
 * @param widths channels of the three stages (16, 32, 64 for ResNet-32)
 * @param stemStride stride of the stem convolution: 1 as published; 2 quarters the cost of a
 *     reduced CI network
 */
public record ResNetSpec(String name, int blocksPerStage, int[] widths, int stemStride) {

    /** ResNet-32 for CIFAR-10, as in the paper: 3 × 5 basic blocks, 16/32/64 channels. */
    public static final ResNetSpec RESNET32 = new ResNetSpec("resnet32", 5, new int[] {16, 32, 64}, 1);

    /**
     * A reduced ResNet-8 for CI and tests (3 × 1 blocks, 8/16/32 channels, stride-2 stem); not the
     * published network.
     */
    public static final ResNetSpec RESNET8_CI = new ResNetSpec("resnet8-ci", 1, new int[] {8, 16, 32}, 2);

    /** ResNet-8 (3 × 1 basic blocks) at the published widths 16/32/64, stride-1 stem. */
    public static final ResNetSpec RESNET8 = new ResNetSpec("resnet8", 1, new int[] {16, 32, 64}, 1);

    /** ResNet-14 (3 × 2 basic blocks) at the published widths 16/32/64, stride-1 stem. */
    public static final ResNetSpec RESNET14 = new ResNetSpec("resnet14", 2, new int[] {16, 32, 64}, 1);

    /** ResNet-20 (3 × 3 basic blocks) at the published widths 16/32/64, stride-1 stem. */
    public static final ResNetSpec RESNET20 = new ResNetSpec("resnet20", 3, new int[] {16, 32, 64}, 1);

    /** Every preset, for {@link #byName}. */
    private static final ResNetSpec[] PRESETS = {RESNET32, RESNET20, RESNET14, RESNET8, RESNET8_CI};

    /** Validates the shape. */
    public ResNetSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank, got '" + name + "'");
        }
        if (blocksPerStage < 1) {
            throw new IllegalArgumentException("blocksPerStage must be >= 1, got " + blocksPerStage);
        }
        if (widths == null || widths.length != 3 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("widths must be 3 positive channel counts, got " + Arrays.toString(widths));
        }
        if (stemStride != 1 && stemStride != 2) {
            throw new IllegalArgumentException("stemStride must be 1 or 2, got " + stemStride);
        }
        widths = widths.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** @return network depth in weight layers, 6·blocksPerStage + 2 */
    public int depth() {
        return 6 * blocksPerStage + 2;
    }

    /**
     * One convolution of the network, as {@link ResNets#build} lays it out ("Same" padding, no bias).
     *
     * @param in input channels
     * @param out output channels
     * @param kernel kernel side (3, or 1 for a projection shortcut)
     * @param stride stride (1 or 2)
     * @param inputSide side of its input feature map, pixels
     */
    public record Convolution(int in, int out, int kernel, int stride, int inputSide) {
        /** @return side of its output feature map: ⌈inputSide / stride⌉ under "Same" padding */
        public int outputSide() {
            return (inputSide + stride - 1) / stride;
        }

        /** @return multiply-accumulates of one image through it */
        public long multiplyAccumulates() {
            long area = (long) outputSide() * outputSide();
            return (long) in * out * kernel * kernel * area;
        }
    }

    /**
     * @param channels input channels (3 for CIFAR-10, 1 for Fashion-MNIST)
     * @param side input side, pixels
     * @return the network's convolutions in order: stem, then per block its two 3 × 3 convolutions and,
     *     at a stride-2 block, the 1 × 1 projection shortcut
     */
    public List<Convolution> convolutions(int channels, int side) {
        if (channels < 1 || side < 1) {
            throw new IllegalArgumentException("channels and side must be >= 1, got " + channels + " and " + side);
        }
        List<Convolution> convs = new ArrayList<>();
        Convolution stem = new Convolution(channels, widths[0], 3, stemStride, side);
        convs.add(stem);
        int in = widths[0];
        int h = stem.outputSide();
        for (int s = 0; s < 3; s++) {
            for (int b = 0; b < blocksPerStage; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                Convolution c1 = new Convolution(in, widths[s], 3, stride, h);
                convs.add(c1);
                convs.add(new Convolution(widths[s], widths[s], 3, 1, c1.outputSide()));
                if (stride != 1) {
                    convs.add(new Convolution(in, widths[s], 1, stride, h));
                }
                in = widths[s];
                h = c1.outputSide();
            }
        }
        return convs;
    }

    /**
     * Multiply-accumulates of one image's forward pass: the convolutions and the dense output layer's
     * weights (batch norm, ReLU, the residual additions and pooling are not counted).
     *
     * @param channels input channels
     * @param side input side, pixels
     * @return the count
     */
    public long multiplyAccumulates(int channels, int side) {
        long macs = (long) widths[2] * LabeledImages.CLASSES;
        for (Convolution c : convolutions(channels, side)) {
            macs += c.multiplyAccumulates();
        }
        return macs;
    }

    /**
     * @param name {@code resnet32}, {@code resnet20}, {@code resnet14}, {@code resnet8} or {@code resnet8-ci}
     * @return the preset
     */
    public static ResNetSpec byName(String name) {
        for (ResNetSpec s : PRESETS) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "', expected " + names());
    }

    /** @return the preset names, separated by commas */
    public static String names() {
        return String.join(", ", Arrays.stream(PRESETS).map(ResNetSpec::name).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResNetSpec r && r.name.equals(name) && r.blocksPerStage == blocksPerStage
                && Arrays.equals(r.widths, widths) && r.stemStride == stemStride;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(widths) + blocksPerStage * 7 + stemStride;
    }

    @Override
    public String toString() {
        return name + " (" + blocksPerStage + " blocks/stage, widths " + Arrays.toString(widths) + ", stem stride "
                + stemStride + ")";
    }
}
