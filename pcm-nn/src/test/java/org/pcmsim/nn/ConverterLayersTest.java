package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.nn.analog.AnalogConfig;
import org.pcmsim.nn.analog.AnalogNetwork;
import org.pcmsim.nn.analog.LayerConverters;
import org.pcmsim.nn.analog.ProgrammedLayer;
import org.pcmsim.nn.model.Networks;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * Analog layers with converters (docs/model.md §9, "The DNN layers"): the path without converters is
 * unchanged to the bit, fine converters reproduce it, a coarse ADC moves outputs by at most its rounding
 * bound, ADC noise adds the variance it predicts, and IR drop lowers the outputs.
 */
class ConverterLayersTest {
    /**
     * Outputs of {@code AnalogNetworkTest.resnet()} (Max-fill n_W = 4, b_W = 1) and {@code convMlp()}
     * (Max-fill EC n_W = 2, b_W = 2), chip (7, 3), read at one month, input of seed 5, as float bits:
     * printed by the code of main before the converters existed (commit 43f7b08).
     */
    private static final int[][] GOLDEN = {
        {0x3dd8f8fb, 0x3d4a4061, 0x3db19715, 0x3d92db55, 0x3d8b03ec, 0x3d0c6503, 0x3d985b05, 0x3e10f787, 0x3d85fb4b,
            0x3e9afe27, 0x3df502dd, 0x3d5b8a3b, 0x3dc1204c, 0x3daa5a38, 0x3d7685f5, 0x3d04b050, 0x3da814bf, 0x3e2b20f4,
            0x3d55d503, 0x3e82b84d, 0x3db9bc11, 0x3d748280, 0x3dba7d07, 0x3d76071c, 0x3d960f03, 0x3d2bfa2c, 0x3db5b531,
            0x3e295ade, 0x3db69663, 0x3e75ba55, 0x3dd6d81f, 0x3d4103c4, 0x3dc4f20e, 0x3da403e8, 0x3d644073, 0x3d06c46f,
            0x3db86e06, 0x3e2f641c, 0x3d782b2a, 0x3e85b872},
        {0x3d39c84a, 0x3df11003, 0x3e101566, 0x3e0c4958, 0x3daa9bc0, 0x3d9bf835, 0x3de4dbc3, 0x3e075c83, 0x3dd811ce,
            0x3d4e278a, 0x3d705749, 0x3e27ba25, 0x3dc3b021, 0x3e2f7703, 0x3da0d347, 0x3de8532b, 0x3d56802f, 0x3df984e0,
            0x3d872f99, 0x3da0a6ee, 0x3d8ed4b7, 0x3dfdddf6, 0x3de199fd, 0x3deb2fe8, 0x3de29598, 0x3dceff29, 0x3d9e1faa,
            0x3de75cd2, 0x3de04ef2, 0x3d8f2334, 0x3d93b7d6, 0x3df482f6, 0x3df2b192, 0x3e36c9ca, 0x3d9532c8, 0x3de8014f,
            0x3d66acf7, 0x3dd1bbc9, 0x3db0b31c, 0x3da486a1}
    };

    private static int[] bits(INDArray y) {
        float[] f = y.dup('c').data().asFloat();
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    @Test
    void withoutConvertersTheOutputsAreThoseOfBeforeBitForBit() {
        Model[] nets = {AnalogNetworkTest.resnet(), AnalogNetworkTest.convMlp()};
        AnalogConfig[] configs = {AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 4, 1),
            AnalogConfig.paper(SlicingAlgorithm.MAX_FILL_EC, 2, 2).withConverters(LayerConverters.NONE)};
        for (int k = 0; k < 2; k++) {
            Nd4j.getRandom().setSeed(5);
            INDArray x = AnalogNetworkTest.input();
            AnalogNetwork a = AnalogNetwork.convert(nets[k], configs[k]);
            a.program(7, 3);
            a.setDriftTime(ReadTimes.MONTH);
            assertArrayEquals(GOLDEN[k], bits(a.output(x)), "network " + k);
        }
    }

    @Test
    void fineConvertersReproduceTheQuantizedDigitalNetwork() {
        // 16-bit DAC and ADC on a noise-free device, the DAC's range at 50 σ of each input vector (no
        // input is clipped, the ADC's range follows): what is left is their rounding, far below 1e-3 of
        // the softmax outputs; this checks the patch order, the tiling, the bias and the output layout.
        INDArray x = AnalogNetworkTest.input();
        for (Model net : new Model[] {AnalogNetworkTest.resnet(), AnalogNetworkTest.convMlp()}) {
            AnalogConfig c = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1).withDevice(PcmDeviceModel.ideal())
                    .withConverters(new LayerConverters(16, 16, 50, Periphery.IDEAL));
            AnalogNetwork a = AnalogNetwork.convert(net, c);
            a.program(1, 0);
            INDArray analog = a.output(x);
            INDArray digital = Networks.output(AnalogNetwork.quantizedDigital(net, c), x);
            double diff = analog.sub(digital).amaxNumber().doubleValue();
            assertTrue(diff < 1e-3, "max |analog − digital| = " + diff + " on " + net.getClass().getSimpleName());
            // A replica reads the same chip with the same noise at the same read index.
            AnalogNetwork r = a.replica();
            a.seekRead(3);
            r.seekRead(3);
            assertArrayEquals(bits(a.output(x)), bits(r.output(x)));
        }
    }

    @Test
    void aConfigurationWithConvertersSurvivesJsonAndRunsOnceAttached() {
        org.pcmsim.nn.analog.AnalogWeightNoise analog = org.pcmsim.nn.analog.AnalogWeightNoise
                .paper(SlicingAlgorithm.MAX_FILL, 2, 1, 5)
                .withConverters(LayerConverters.paper(Periphery.ADC_NOISE_ONE_LSB.withIrDrop(0.35, IrDropModel.FIRST_ORDER)
                        .withAdcMismatch(0.01, 0.2).withDac(0.1, 0.5)));
        org.deeplearning4j.nn.conf.MultiLayerConfiguration conf = AnalogLayersTest.mlp(analog);
        String json = conf.toJson();
        assertTrue(json.contains("\"adcBits\" : 8") && json.contains("first-order"), json);
        org.deeplearning4j.nn.conf.MultiLayerConfiguration back =
                org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, back);
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork a = AnalogLayersTest.net(conf);
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork b = AnalogLayersTest.net(back);
        b.setParams(a.params());
        assertEquals(3, org.pcmsim.nn.analog.AnalogLayers.attachConverters(a));
        assertEquals(3, org.pcmsim.nn.analog.AnalogLayers.attachConverters(b));
        assertEquals(0, org.pcmsim.nn.analog.AnalogLayers.attachConverters(b), "attaching twice changes nothing");
        INDArray x = AnalogLayersTest.input(32);
        INDArray ya = a.output(x);
        assertArrayEquals(bits(ya), bits(b.output(x)), "the round-tripped configuration reads the same chip");
        org.pcmsim.nn.analog.AnalogLayers.seekRead(a, 0);
        assertArrayEquals(bits(ya), bits(a.output(x)), "a read index replays, converter noise included");
        assertTrue(bits(ya)[0] != bits(a.output(x))[0] || bits(ya)[1] != bits(a.output(x))[1], "fresh noise per read");
    }

    @Test
    void aHookSavedInTheFlatFormBeforeTheSpecReadsBackWithoutConverters() throws Exception {
        // The JSON of a hook as the code before the spec wrote it (all values flat beside trainingNoise).
        String flat = "{\"@class\" : \"org.pcmsim.nn.analog.AnalogWeightNoise\", \"algorithm\" : \"max-fill-ec\", "
                + "\"slices\" : 8, \"base\" : 2, \"weightBits\" : 9, \"clipSigmas\" : 2.0, \"device\" : \"nandakumar2019\", "
                + "\"programmingNoiseScale\" : 1.0, \"driftScale\" : 0.5, \"readNoiseScale\" : 2.0, "
                + "\"readNoiseNormalization\" : \"g-max\", \"driftCompensation\" : true, \"seed\" : 11, \"chip\" : 5, "
                + "\"driftTime\" : 2592000.0, \"trainingNoise\" : null}";
        Object back = org.deeplearning4j.nn.conf.NeuralNetConfiguration.mapper().readValue(flat,
                org.deeplearning4j.nn.conf.weightnoise.IWeightNoise.class);
        org.pcmsim.nn.analog.AnalogWeightNoise want = org.pcmsim.nn.analog.AnalogWeightNoise
                .paper(SlicingAlgorithm.MAX_FILL_EC, 8, 2, 11).withChip(11, 5).withDriftTime(ReadTimes.MONTH)
                .withNoiseScales(1, 0.5, 2);
        assertEquals(want, back);
        assertEquals(LayerConverters.NONE, want.config().converters());
    }

    @Test
    void badConverterSettingsAreRefusedNamingTheValue() {
        String[][] cases = {{"9", "0", "4", "ideal", "dacBits and adcBits"}, {"1", "8", "4", "ideal", "dacBits must be in 2..24, got 1"},
            {"9", "25", "4", "ideal", "adcBits must be in 2..24, got 25"}, {"9", "8", "NaN", "ideal", "inputClipSigmas"},
            {"9", "8", "-1", "ideal", "got -1.0"}, {"0", "0", "4", "noisy", "adc-noise=1lsb needs converters"}};
        for (String[] c : cases) {
            Periphery p = c[3].equals("ideal") ? Periphery.IDEAL : Periphery.ADC_NOISE_ONE_LSB;
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new LayerConverters(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Double.parseDouble(c[2]), p));
            assertTrue(e.getMessage().contains(c[4]), e.getMessage());
        }
        assertEquals("dac9 adc8 adc-noise=1lsb", LayerConverters.paper(Periphery.ADC_NOISE_ONE_LSB).describe());
        assertEquals("none", LayerConverters.NONE.describe());
    }

    /** A dense layer 300 → 128 (three tiles across), programmed on a noise-free device. */
    private static ProgrammedLayer dense(AnalogConfig config) {
        long[] shape = {300, 128};
        ProgrammedLayer layer = new ProgrammedLayer(new DenseLayer.Builder().nIn(300).nOut(128).build(), 0, shape,
                config.withDevice(PcmDeviceModel.ideal()).withDriftCompensation(false));
        Nd4j.getRandom().setSeed(3);
        layer.program(Nd4j.randn(DataType.FLOAT, shape).muli(0.1), 11, 0);
        return layer;
    }

    /** Input vectors of standard normals within ±3.9: the DAC clips at 4 RMS of each tile's part. */
    private static double[] inputs(int n, long seed) {
        var normal = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(
                TrialStreams.stream(seed, 0, TrialStream.DATA));
        double[] x = new double[n * 300];
        for (int m = 0; m < n; m++) {
            for (int k = 0; k < 300; k++) {
                x[m * 300 + k] = Math.max(-3.9, Math.min(3.9, normal.sample()));
            }
        }
        return x;
    }

    /** Per vector m and tile b, the output units of one ADC level of slice j: b^j / s_out · unit / inScale. */
    private static double lsb(ProgrammedLayer layer, double[] x, int m, int tile, int slice) {
        int from = tile * 128;
        int to = Math.min(300, from + 128);
        double sumSq = 0;
        for (int k = from; k < to; k++) {
            sumSq += x[m * 300 + k] * x[m * 300 + k];
        }
        double inScale = 255 / (4 * Math.sqrt(sumSq / (to - from)));
        double unit = layer.config().scheme().range() / layer.config().device().gMax() / layer.scale();
        return layer.config().scheme().significance(slice) / layer.adcGains()[tile][slice] * unit / inScale;
    }

    @Test
    void aCoarseAdcMovesEachOutputByAtMostItsRoundingBound() {
        AnalogConfig base = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1);
        ProgrammedLayer coarse = dense(base.withConverters(new LayerConverters(9, 5, 4, Periphery.IDEAL)));
        ProgrammedLayer fine = dense(base.withConverters(new LayerConverters(9, 20, 4, Periphery.IDEAL)));
        int n = 8;
        double[] x = inputs(n, 1);
        double[] yc = coarse.forward(x, n, 20, 0);
        double[] yf = fine.forward(x, n, 20, 0);
        double worst = 0;
        boolean moved = false;
        for (int m = 0; m < n; m++) {
            // Both ADCs span the same current range, so an output either rounds in both or clips in both:
            // |y_coarse − y_fine| ≤ Σ over tiles and slices of half an LSB of each.
            double bound = 0;
            for (int b = 0; b < 3; b++) {
                for (int j = 0; j < 2; j++) {
                    bound += 0.5 * (lsb(coarse, x, m, b, j) + lsb(fine, x, m, b, j));
                }
            }
            for (int i = 0; i < 128; i++) {
                double d = Math.abs(yc[m * 128 + i] - yf[m * 128 + i]);
                assertTrue(d <= bound * (1 + 1e-9), "vector " + m + " output " + i + ": " + d + " > " + bound);
                worst = Math.max(worst, d / bound);
                moved |= d > 0;
            }
        }
        assertTrue(moved && worst > 0.3, "the 5-bit ADC should visibly round: worst |Δ| / bound = " + worst);
    }

    @Test
    void adcNoiseAddsTheVarianceItsSigmaPredicts() {
        // σ = 1 LSB on a 10-bit ADC. Per output, Var[rint(v + σξ)] = σ² + 1/12 LSB² (Sheppard; the
        // correction is below 1e-8 at σ = 1) for each of the 3 tiles × 2 slices, scaled by its LSB in
        // output units. Without noise the noise-free device reads deterministically (variance 0).
        // 300 reads give each output's sample variance a relative standard error of √(2/299) = 8.2 %;
        // pooled over 4 × 128 outputs (independent ADC draws) the ratio's standard error is 0.36 %, so
        // the 2 % tolerance is 5.5 standard errors: false-failure rate about 4e-8.
        AnalogConfig base = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 2, 1);
        ProgrammedLayer quiet = dense(base.withConverters(new LayerConverters(9, 10, 4, Periphery.IDEAL)));
        ProgrammedLayer noisy = dense(base.withConverters(new LayerConverters(9, 10, 4, Periphery.IDEAL.withAdcNoise(1))));
        int n = 4;
        int reads = 300;
        double[] x = inputs(n, 2);
        assertArrayEquals(quiet.forward(x, n, 20, 0), quiet.forward(x, n, 20, 1), "no noise: every read alike");
        double[] sum = new double[n * 128];
        double[] sumSq = new double[n * 128];
        for (int p = 0; p < reads; p++) {
            double[] y = noisy.forward(x, n, 20, p);
            for (int k = 0; k < y.length; k++) {
                sum[k] += y[k];
                sumSq[k] += y[k] * y[k];
            }
        }
        assertArrayEquals(noisy.forward(x, n, 20, 7), noisy.forward(x, n, 20, 7), "a read index replays");
        double observed = 0;
        double predicted = 0;
        for (int m = 0; m < n; m++) {
            double perOutput = 0;
            for (int b = 0; b < 3; b++) {
                for (int j = 0; j < 2; j++) {
                    double l = lsb(noisy, x, m, b, j);
                    perOutput += l * l * (1 + 1.0 / 12);
                }
            }
            for (int i = 0; i < 128; i++) {
                int k = m * 128 + i;
                double mean = sum[k] / reads;
                observed += (sumSq[k] - reads * mean * mean) / (reads - 1);
                predicted += perOutput;
            }
        }
        assertEquals(1.0, observed / predicted, 0.02, "observed / predicted output variance");
    }

    @Test
    void irDropLowersTheOutputsAndMoreSoWithMoreResistance() {
        AnalogConfig base = AnalogConfig.paper(SlicingAlgorithm.MAX_FILL, 1, 1);
        int n = 8;
        double[] x = inputs(n, 3);
        double[] norms = new double[3];
        double[] ohms = {0, 1, 3};
        double[] ideal = null;
        for (int k = 0; k < ohms.length; k++) {
            Periphery p = ohms[k] == 0 ? Periphery.IDEAL : Periphery.IDEAL.withIrDrop(ohms[k], IrDropModel.FIRST_ORDER);
            double[] y = dense(base.withConverters(new LayerConverters(9, 16, 4, p))).forward(x, n, 20, 0);
            if (k == 0) {
                ideal = y;
            }
            double dot = 0;
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += y[i] * y[i];
                dot += y[i] * ideal[i];
            }
            norms[k] = Math.sqrt(s);
            assertTrue(dot > 0, "the outputs keep their direction");
        }
        assertTrue(norms[1] < norms[0] && norms[2] < norms[1], "‖y‖ at 0, 1, 3 Ω: " + java.util.Arrays.toString(norms));
        // Tiles of 128 inputs × 128 outputs, mean |G| ≈ 0.4 G_max = 10 µS on each of the pair's arrays:
        // the drop is of order (2/3) r Ḡ N² (docs/model.md §9), a few per cent per ohm, not tens.
        double drop = 1 - norms[1] / norms[0];
        assertTrue(drop > 0.005 && drop < 0.2, "relative drop at 1 Ω: " + drop);
        // The exact model agrees with the first-order one at 1 Ω to a fraction of the drop.
        double[] exact = dense(base.withConverters(new LayerConverters(9, 16, 4,
                Periphery.IDEAL.withIrDrop(1, IrDropModel.EXACT)))).forward(x, 1, 20, 0);
        double[] first = dense(base.withConverters(new LayerConverters(9, 16, 4,
                Periphery.IDEAL.withIrDrop(1, IrDropModel.FIRST_ORDER)))).forward(x, 1, 20, 0);
        double d = 0;
        double s = 0;
        for (int i = 0; i < 128; i++) {
            d += (exact[i] - first[i]) * (exact[i] - first[i]);
            s += (first[i] - ideal[i]) * (first[i] - ideal[i]);
        }
        assertTrue(Math.sqrt(d) < 0.3 * Math.sqrt(s), "first order vs exact: " + Math.sqrt(d) + " against the drop " + Math.sqrt(s));
    }
}
