package org.pcmsim.analog;

import java.util.Objects;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.ChipPeriphery;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.TiledCrossbar;
import org.pcmsim.crossbar.TiledReader;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.internal.Checks;
import org.pcmsim.random.PeripheryStreams;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;
import org.pcmsim.slicing.IntegerQuantizer;
import org.pcmsim.weights.WeightMatrix;

/**
 * A real-valued matrix programmed on analog PCM crossbars ("a chip"), multiplied by real-valued
 * inputs at any time after programming, with outputs in the matrix's own units.
 *
 * <p>Programming (docs/model.md §3, §4.1): the weights are quantised to signed integers clipped at k·σ
 * ({@link WeightMatrix#quantize}), sliced, and programmed tile by tile on arrays of the settings'
 * size ({@link TiledCrossbar}); then every tile's drift-compensation calibration is read once at t0.
 * Multiplying (docs/model.md §4.4–4.7): the input is quantised to signed integers clipped at k·σ of
 * its own root mean square (the DAC range follows each input vector), every tile is read at time t
 * with drift and fresh 1/f noise, digitised per slice, shifted and added, compensated for drift
 * against the t0 calibration, added over tiles and scaled back to real units:
 * ŷ = y · r / (G_max · s_out) / (scale_in · scale_w) · σ_x · σ_w.
 *
 * <p>Periphery (docs/model.md §9): with a non-ideal {@link AnalogSettings#periphery()} every read, the
 * t0 calibration included, goes through the chip's converters and wires as in the MVM engine
 * ({@link TiledReader#read(TiledCrossbar, double[], int[], NormalizedGaussianSampler, ChipPeriphery,
 * TiledReader.Readout)}): each tile's DACs convert its inputs, its slices are read with IR drop, and
 * one ADC per slice and output, with its own gain and offset mismatch drawn once when the chip is
 * programmed, digitises them with fresh noise. The ideal periphery reads exactly as without one.
 *
 * <p>Randomness comes from (seed, chip) alone (the programming, read and periphery streams of
 * {@link TrialStreams}): the same pair programs the same chip, and the same
 * sequence of {@link #multiply} calls then gives the same numbers. Reads draw their noise in call
 * order, so an instance is not thread-safe.
 */
public final class AnalogMatrix {
    private final WeightMatrix weights;
    private final AnalogSettings settings;
    private final int[] quantized;
    private final double sigmaW;
    private final TiledCrossbar crossbar;
    private final TiledReader reader;
    private final NormalizedGaussianSampler readNoise;
    private final double[] reference;
    private final TiledReader.Readout readout;
    private final IntegerQuantizer inputQuantizer;
    /** The chip's converters and wires; null for the ideal periphery, which then reads as before it existed. */
    private final ChipPeriphery periphery;

    private AnalogMatrix(WeightMatrix weights, AnalogSettings settings, long seed, long chip) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.settings = Objects.requireNonNull(settings, "settings");
        CrossbarConfig cb = settings.crossbar();
        this.quantized = weights.quantize(new IntegerQuantizer(cb.weightBits(), cb.weightClipSigmas()));
        this.sigmaW = weights.rms();
        this.inputQuantizer = new IntegerQuantizer(cb.inputBits(), cb.inputClipSigmas());
        CrossbarProgrammer programmer = new CrossbarProgrammer(settings.slicing(), settings.device());
        this.crossbar = TiledCrossbar.program(programmer, settings.array(), quantized, weights.rows(), weights.cols(),
                TrialStreams.stream(seed, chip, TrialStream.PROGRAMMING));
        this.reader = new TiledReader(cb, settings.array(), settings.sampling(), settings.driftScope());
        this.readNoise = ZigguratSampler.NormalizedGaussian.of(TrialStreams.stream(seed, chip, TrialStream.READ));
        this.readout = reader.newReadout(crossbar, 1);
        if (settings.periphery().isIdeal()) {
            this.periphery = null;
        } else {
            PeripheryStreams streams = TrialStreams.periphery(seed, chip);
            this.periphery = ChipPeriphery.draw(settings.periphery(), crossbar.tileCount(),
                    settings.slicing().nSlices(), settings.array().rows(), streams.chip(), streams.conversions());
        }
        // The calibration reference: one read of every tile at t0, right after programming.
        reader.read(crossbar, new double[] {settings.device().t0()}, new int[weights.cols()], readNoise, periphery,
                readout);
        this.reference = readout.calibration(0);
    }

    /**
     * Programs a chip.
     *
     * @param weights the real matrix, any shape
     * @param settings slicing, device, crossbar and periphery
     * @param seed root seed
     * @param chip chip index, ≥ 0: chips of one seed are independent
     * @return the programmed matrix
     */
    public static AnalogMatrix program(WeightMatrix weights, AnalogSettings settings, long seed, long chip) {
        return new AnalogMatrix(weights, settings, seed, chip);
    }

    /**
     * Programs a chip from rows of a matrix.
     *
     * @param weights rows × cols, y = W·x
     * @param settings slicing, device and crossbar
     * @param seed root seed
     * @param chip chip index, ≥ 0
     * @return the programmed matrix
     */
    public static AnalogMatrix program(double[][] weights, AnalogSettings settings, long seed, long chip) {
        return new AnalogMatrix(WeightMatrix.of(weights), settings, seed, chip);
    }

    /**
     * The analog product at time t.
     *
     * @param x cols real inputs
     * @param t seconds after programming, ≥ 0 (reads before t0 see no drift)
     * @return rows real outputs ≈ W·x, in the matrix's units times the input's
     */
    public double[] multiply(double[] x, double t) {
        Checks.readTime(t);
        double[] y = new double[weights.rows()];
        QuantizedInput q = quantizeInput(x);
        if (q == null) {
            return y;
        }
        reader.read(crossbar, new double[] {t}, q.codes(), readNoise, periphery, readout);
        reader.combine(readout, 0, reference, y);
        double toReal = reader.outputScale(crossbar) / q.unit();
        for (int i = 0; i < y.length; i++) {
            y[i] *= toReal;
        }
        return y;
    }

    /**
     * The exact product in double precision, W·x, for comparison.
     *
     * @param x cols real inputs
     * @return rows outputs
     */
    public double[] exact(double[] x) {
        return weights.multiply(x);
    }

    /**
     * The exact product of the quantised weights and inputs, in real units: what a noise-free chip
     * with ideal ADCs would return, W_int·X_int · σ_x σ_w / (scale_in · scale_w).
     *
     * @param x cols real inputs
     * @return rows outputs
     */
    public double[] quantizedExact(double[] x) {
        double[] y = new double[weights.rows()];
        QuantizedInput q = quantizeInput(x);
        if (q == null) {
            return y;
        }
        int[] xi = q.codes();
        double toReal = 1.0 / q.unit();
        int cols = weights.cols();
        for (int i = 0; i < y.length; i++) {
            long acc = 0;
            for (int k = 0; k < cols; k++) {
                acc += (long) quantized[i * cols + k] * xi[k];
            }
            y[i] = acc * toReal;
        }
        return y;
    }

    /**
     * The input's DAC codes and the real value of one unit of the integer product W_int·X_int.
     *
     * @param codes the quantised inputs
     * @param unit scale_in · scale_w / σ_W: an integer product divided by it is in real units
     */
    private record QuantizedInput(int[] codes, double unit) {
    }

    /** @return the quantised input, or null when the input or the weights are all zero (the product is 0) */
    private QuantizedInput quantizeInput(double[] x) {
        double sigmaX = checkInputs(x);
        if (sigmaX == 0 || sigmaW == 0) {
            return null;
        }
        int[] xi = new int[x.length];
        double scaleIn = inputQuantizer.scale(sigmaX);
        inputQuantizer.quantize(x, scaleIn, xi);
        return new QuantizedInput(xi, scaleIn * settings.crossbar().weightScale() / sigmaW);
    }

    /**
     * The paper's error metric η = ‖y − y_ref‖₂ / ‖y_ref‖₂.
     *
     * @param y an output
     * @param reference the reference output, same length
     * @return η (NaN if the reference is 0)
     */
    public static double relativeError(double[] y, double[] reference) {
        if (y.length != reference.length) {
            throw new IllegalArgumentException("outputs have " + y.length + " values, the reference " + reference.length);
        }
        double e = 0;
        double r = 0;
        for (int i = 0; i < y.length; i++) {
            e += (y[i] - reference[i]) * (y[i] - reference[i]);
            r += reference[i] * reference[i];
        }
        return r > 0 ? Math.sqrt(e / r) : Double.NaN;
    }

    private double checkInputs(double[] x) {
        if (x.length != weights.cols()) {
            throw new IllegalArgumentException("a " + weights.rows() + "x" + weights.cols() + " matrix needs "
                    + weights.cols() + " inputs, got " + x.length);
        }
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("input " + k + " must be finite, got " + x[k]);
            }
            s += x[k] * x[k];
        }
        return Math.sqrt(s / x.length);
    }

    /** @return the real matrix */
    public WeightMatrix weights() {
        return weights;
    }

    /** @return the settings it was programmed with */
    public AnalogSettings settings() {
        return settings;
    }

    /** @return the programmed tiles */
    public TiledCrossbar crossbar() {
        return crossbar;
    }

    /** @return rows (outputs) */
    public int rows() {
        return weights.rows();
    }

    /** @return columns (inputs) */
    public int cols() {
        return weights.cols();
    }
}
