package org.pcmsim.nn.analog;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.crossbar.TiledCrossbar;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.periphery.AdcMismatch;
import org.pcmsim.periphery.Converters;
import org.pcmsim.periphery.ExactIrDropSolver;
import org.pcmsim.periphery.IrDropMatrix;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingScheme;

/**
 * The converters of one programmed layer's tiles and the layer's forward pass through them
 * (docs/model.md §9, "The DNN layers"). Made once per chip by {@link ProgrammedLayer#program}; read-only
 * afterwards, so replicas on other threads share it.
 *
 * <p>Per chip, per tile t and slice j:
 * <ul>
 *   <li>the device state, dense per tile: G_P, ν and the read-noise amplitude G_P · Q_s (pcm-core's laws,
 *       {@link ProgrammedCrossbar#readNoiseAmplitudes});</li>
 *   <li>the ADC gain, calibrated once from the programmed conductances:
 *       s_out = adcMax · k_in / (4 · dacMax · rms_i ‖G_P,i‖₂), the ADC's full scale at 4 σ of the column
 *       current that the DAC's inputs drive (independent entries of RMS dacMax / k_in, k_in the input
 *       clip in σ). With the MVM path's Gaussian weights at n_W = 1 this is §4's s_out exactly; here it
 *       follows each slice's own conductances, so a sparse low slice gets a finer ADC;</li>
 *   <li>the ADC mismatch (gain, offset) of every column, drawn once from the chip's periphery stream;</li>
 *   <li>the GDC reference c_ref = Σ_i |Σ_j b^j a_j,i / s_out,j| for the calibration input (every line at
 *       rint(dacMax / k_in), an input of the reference RMS; the MVM path's 64 at 9 bits and 4 σ), read
 *       through the converters at t0.</li>
 * </ul>
 *
 * <p>A forward pass at time t reads every device once (1/f noise from the layer's read stream), forms
 * each slice's effective conductances (through IR drop if the wires have resistance: the map is linear,
 * {@link IrDropMatrix}; the two devices of a differential pair on two wire networks), converts each input
 * vector's part on the tile with the DAC (scaled so that k_in times its own RMS is dacMax, rounded,
 * clipped, then DAC noise and INL), multiplies, converts every column current with its slice's ADC (mismatch, fresh
 * noise, round, clip), and sums Σ_j b^j a_j / s_out,j; the tile is scaled by its GDC factor c_ref / c(t)
 * (c measured in the same read, through the converters) and back to real units.
 */
final class ConverterChip {
    /** The ADC's full scale in standard deviations of the reference column current. */
    private static final double ADC_RANGE_SIGMAS = 4;
    /** Input vectors converted per block: bounds the memory of a large convolution batch. */
    private static final int BLOCK = 4096;

    private final TiledCrossbar crossbar;
    private final LayerConverters converters;
    private final Periphery periphery;
    private final PcmDeviceModel model;
    private final SlicingScheme scheme;
    private final boolean driftCompensation;
    private final int slices;
    private final int rows;
    private final int cols;
    /** [tile][slice]: dense tileRows × tileCols, crossbar layout (rows = outputs). */
    private final double[][][] gp;
    private final double[][][] nu;
    private final double[][][] amplitude;
    /** [tile][slice]: ADC gain, LSB per µS × DAC level; 0 for an empty slice. */
    private final double[][] sOut;
    private final AdcMismatch[] mismatch;
    private final double[] cRef;

    private ConverterChip(TiledCrossbar crossbar, AnalogConfig config) {
        this.crossbar = crossbar;
        this.converters = config.converters();
        this.periphery = converters.periphery();
        this.model = config.device();
        this.scheme = config.scheme();
        this.driftCompensation = config.driftCompensation();
        this.slices = scheme.nSlices();
        this.rows = crossbar.rows();
        this.cols = crossbar.cols();
        int tiles = crossbar.tileCount();
        gp = new double[tiles][slices][];
        nu = new double[tiles][slices][];
        amplitude = new double[tiles][slices][];
        sOut = new double[tiles][slices];
        mismatch = new AdcMismatch[tiles];
        cRef = new double[tiles];
    }

    /**
     * Calibrates the converters of a freshly programmed layer.
     *
     * @param crossbar the programmed tiles
     * @param config the deployment (converters enabled)
     * @param mismatchRng the chip's periphery stream of this layer (ADC mismatch)
     * @param calibrationRead the t0 read of the GDC reference (1/f noise)
     * @param calibrationNoise converter noise of the GDC reference read
     * @return the calibrated converters
     */
    static ConverterChip calibrate(TiledCrossbar crossbar, AnalogConfig config, UniformRandomProvider mismatchRng,
                                   UniformRandomProvider calibrationRead, UniformRandomProvider calibrationNoise) {
        ConverterChip c = new ConverterChip(crossbar, config);
        int dacMax = c.converters.dacMax();
        int adcMax = c.converters.adcMax();
        for (int t = 0; t < crossbar.tileCount(); t++) {
            ProgrammedCrossbar tile = c.tile(t);
            int n = tile.rows() * tile.cols();
            for (int j = 0; j < c.slices; j++) {
                double[] g = tile.programmed(j);
                c.gp[t][j] = g;
                c.nu[t][j] = tile.driftExponents(j);
                double[] q = tile.readNoiseAmplitudes(j);
                double[] a = new double[n];
                double sumSq = 0;
                for (int k = 0; k < n; k++) {
                    a[k] = g[k] * q[k];
                    sumSq += g[k] * g[k];
                }
                c.amplitude[t][j] = a;
                double rmsColumn = Math.sqrt(sumSq / tile.rows());
                double refCurrent = dacMax / c.converters.inputClipSigmas() * rmsColumn;
                c.sOut[t][j] = rmsColumn > 0 ? adcMax / (ADC_RANGE_SIGMAS * refCurrent) : 0;
            }
            c.mismatch[t] = AdcMismatch.draw(c.periphery, c.slices, tile.rows(), mismatchRng);
        }
        if (c.driftCompensation) {
            double[][][] g = c.readConductances(model(config).t0(), calibrationRead);
            NormalizedGaussianSampler noise = ZigguratSampler.NormalizedGaussian.of(calibrationNoise);
            for (int t = 0; t < crossbar.tileCount(); t++) {
                c.cRef[t] = c.calibrationSum(t, g[t], noise);
            }
        }
        return c;
    }

    private static PcmDeviceModel model(AnalogConfig config) {
        return config.device();
    }

    private ProgrammedCrossbar tile(int t) {
        return crossbar.tile(t / crossbar.tilesAcross(), t % crossbar.tilesAcross());
    }

    /** @return [tile][slice] ADC gains, LSB per µS × DAC level (0 for an empty slice) */
    double[][] adcGains() {
        double[][] out = new double[sOut.length][];
        for (int t = 0; t < sOut.length; t++) {
            out[t] = sOut[t].clone();
        }
        return out;
    }

    /**
     * One read of every device at time t, then the effective conductances each input sees: per tile
     * and slice, G(t) = d (G_P + a f ξ) with d = (t/t0)^(−ν), through IR drop when the wires have
     * resistance. Crossbar layout (rows = outputs).
     */
    private double[][][] readConductances(double t, UniformRandomProvider readRng) {
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(readRng);
        double f = model.readNoiseTimeFactor(t);
        double logT = t > model.t0() ? Math.log(t / model.t0()) : 0.0;
        ExactIrDropSolver solver = periphery.idealWires() ? null : new ExactIrDropSolver();
        double[][][] out = new double[gp.length][slices][];
        for (int t0 = 0; t0 < gp.length; t0++) {
            ProgrammedCrossbar tile = tile(t0);
            for (int j = 0; j < slices; j++) {
                double[] g = gp[t0][j];
                double[] v = nu[t0][j];
                double[] a = amplitude[t0][j];
                double[] read = new double[g.length];
                for (int k = 0; k < g.length; k++) {
                    if (g[k] != 0.0) {
                        double d = logT != 0.0 ? Math.exp(-v[k] * logT) : 1.0;
                        read[k] = d * (g[k] + a[k] * f * normal.sample());
                    }
                }
                out[t0][j] = periphery.idealWires() ? read : throughWires(read, tile.rows(), tile.cols(), solver);
            }
        }
        return out;
    }

    /**
     * IR drop of a differential tile: the positive and negative devices sit on two wire networks of
     * their own, each with the inputs on its rows; the outputs subtract.
     */
    private double[] throughWires(double[] g, int tileRows, int tileCols, ExactIrDropSolver solver) {
        // IrDropMatrix's rows are inputs: transpose the crossbar layout (rows = outputs).
        double[] plus = new double[g.length];
        double[] minus = new double[g.length];
        for (int i = 0; i < tileRows; i++) {
            for (int k = 0; k < tileCols; k++) {
                double v = g[i * tileCols + k];
                if (v > 0) {
                    plus[k * tileRows + i] = v;
                } else {
                    minus[k * tileRows + i] = -v;
                }
            }
        }
        double[] mp = IrDropMatrix.of(periphery, solver, plus, tileCols, tileRows);
        double[] mm = IrDropMatrix.of(periphery, solver, minus, tileCols, tileRows);
        double[] out = new double[g.length];
        for (int i = 0; i < tileRows; i++) {
            for (int k = 0; k < tileCols; k++) {
                out[i * tileCols + k] = mp[k * tileRows + i] - mm[k * tileRows + i];
            }
        }
        return out;
    }

    /** c = Σ_i |Σ_j b^j a_j,i / s_out,j| of tile t for the calibration input, through the converters. */
    private double calibrationSum(int t, double[][] g, NormalizedGaussianSampler noise) {
        ProgrammedCrossbar tile = tile(t);
        int tr = tile.rows();
        int tc = tile.cols();
        double[] codes = new double[tc];
        java.util.Arrays.fill(codes, Math.rint(converters.dacMax() / converters.inputClipSigmas()));
        Converters.dac(codes, codes, tc, converters.dacMax(), periphery, noise);
        double[] sum = new double[tr];
        double[] current = new double[tr];
        for (int j = 0; j < slices; j++) {
            if (sOut[t][j] == 0) {
                continue;
            }
            double[] gj = g[j];
            for (int i = 0; i < tr; i++) {
                double s = 0;
                for (int k = 0; k < tc; k++) {
                    s += gj[i * tc + k] * codes[k];
                }
                current[i] = s * sOut[t][j];
            }
            Converters.adc(current, current, tr, converters.adcMax(), periphery, mismatch[t], j, noise);
            double w = scheme.significance(j) / sOut[t][j];
            for (int i = 0; i < tr; i++) {
                sum[i] += w * current[i];
            }
        }
        double c = 0;
        for (double v : sum) {
            c += Math.abs(v);
        }
        return c;
    }

    /**
     * The layer's product y = W x for a batch of input vectors, through the converters.
     *
     * @param x the input vectors, row-major n × cols (the crossbar's fan-in order), real units, handed
     *     out in blocks so a large convolution batch is never copied whole
     * @param n number of vectors
     * @param t read time, s
     * @param readRng 1/f noise of this read
     * @param converterRng DAC and ADC noise of this read
     * @param weightScale the quantiser's integer levels per unit weight
     * @return y, row-major n × rows, real units (without the bias)
     */
    @SuppressWarnings("try")
    double[] forward(Inputs x, int n, double t, UniformRandomProvider readRng, UniformRandomProvider converterRng,
                     double weightScale) {
        double[][][] g = readConductances(t, readRng);
        NormalizedGaussianSampler noise = ZigguratSampler.NormalizedGaussian.of(converterRng);
        int tiles = gp.length;
        double[] gdc = new double[tiles];
        for (int t0 = 0; t0 < tiles; t0++) {
            double c = driftCompensation ? calibrationSum(t0, g[t0], noise) : 0;
            gdc[t0] = driftCompensation && c > 0 && cRef[t0] > 0 ? cRef[t0] / c : 1.0;
        }
        // Real units: an integer weight is Σ_j b^j G_j · range / G_max, and the input level X = x · inScale.
        double unit = scheme.range() / model.gMax() / weightScale;
        double[] y = new double[n * rows];
        int dacMax = converters.dacMax();
        int adcMax = converters.adcMax();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray[][] gt = transposed(g);
            for (int from = 0; from < n; from += BLOCK) {
                int b = Math.min(BLOCK, n - from);
                double[] xb = x.rows(from, b);
                for (int t0 = 0; t0 < tiles; t0++) {
                    int tileRow = t0 / crossbar.tilesAcross();
                    int tileCol = t0 % crossbar.tilesAcross();
                    int tr = crossbar.tileRows(tileRow);
                    int tc = crossbar.tileCols(tileCol);
                    int r0 = crossbar.rowOffset(tileRow);
                    int c0 = crossbar.colOffset(tileCol);
                    double[] v = new double[b * tc];
                    double[] inScale = new double[b];
                    double[] line = new double[tc];
                    double clip = converters.inputClipSigmas();
                    for (int m = 0; m < b; m++) {
                        int base = m * cols + c0;
                        double sumSq = 0;
                        for (int k = 0; k < tc; k++) {
                            sumSq += xb[base + k] * xb[base + k];
                        }
                        if (sumSq == 0) {
                            continue;
                        }
                        double s = dacMax / (clip * Math.sqrt(sumSq / tc));
                        inScale[m] = s;
                        for (int k = 0; k < tc; k++) {
                            line[k] = Math.max(-dacMax, Math.min(dacMax, Math.rint(xb[base + k] * s)));
                        }
                        Converters.dac(line, line, tc, dacMax, periphery, noise);
                        System.arraycopy(line, 0, v, m * tc, tc);
                    }
                    INDArray vm = Nd4j.create(v, new long[] {b, tc}, 'c');
                    double[] acc = new double[b * tr];
                    double[] column = new double[tr];
                    for (int j = 0; j < slices; j++) {
                        double s = sOut[t0][j];
                        if (s == 0) {
                            continue;
                        }
                        double[] current = vm.mmul(gt[t0][j]).dup('c').data().asDouble();
                        double w = scheme.significance(j) / s;
                        for (int m = 0; m < b; m++) {
                            for (int i = 0; i < tr; i++) {
                                column[i] = current[m * tr + i] * s;
                            }
                            Converters.adc(column, column, tr, adcMax, periphery, mismatch[t0], j, noise);
                            for (int i = 0; i < tr; i++) {
                                acc[m * tr + i] += w * column[i];
                            }
                        }
                    }
                    for (int m = 0; m < b; m++) {
                        if (inScale[m] == 0) {
                            continue;
                        }
                        double f = gdc[t0] * unit / inScale[m];
                        int base = (from + m) * rows + r0;
                        for (int i = 0; i < tr; i++) {
                            y[base + i] += f * acc[m * tr + i];
                        }
                    }
                }
            }
        }
        return y;
    }

    /** A batch of input vectors, handed out in blocks of consecutive rows. */
    interface Inputs {
        /**
         * @param from first row
         * @param count number of rows
         * @return rows from … from + count − 1, row-major count × cols, real units
         */
        double[] rows(int from, int count);
    }

    /** Per tile and slice, the effective conductances as an ND4J matrix tileCols × tileRows (inputs × outputs). */
    private INDArray[][] transposed(double[][][] g) {
        INDArray[][] out = new INDArray[g.length][slices];
        for (int t0 = 0; t0 < g.length; t0++) {
            ProgrammedCrossbar tile = tile(t0);
            for (int j = 0; j < slices; j++) {
                out[t0][j] = Nd4j.create(g[t0][j], new long[] {tile.rows(), tile.cols()}, 'c').transpose()
                        .dup('c').castTo(DataType.DOUBLE);
            }
        }
        return out;
    }
}
