package org.pcmsim.internal;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.device.DriftLaw;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoise;

/**
 * Programs devices one at a time from a generator: the single place where programming noise and
 * drift exponents are drawn, shared by {@link org.pcmsim.device.ProgrammedDevices}, the crossbar and the analog DNN
 * layers so that they all run the same physics.
 *
 * <p>Each programmed device (target ≠ 0) consumes exactly two standard normals, in this order:
 * the programming noise ξ_P, then the drift-exponent noise ξ_ν. Unprogrammed devices consume none.
 * The normals can also be supplied by the caller (common random numbers across the
 * configurations of a Monte Carlo trial); the arithmetic is the same.
 */
public final class DeviceProgrammer {
    private final PcmDeviceModel model;
    private final NormalizedGaussianSampler normal;
    private final double invGMax;
    private final double[] laws = new double[4];
    /** The normalised target whose laws are in {@code laws}: error correction repeats targets. */
    private double lawsFor = Double.NaN;
    private final double driftScale;
    private final LawTable table;
    private final ProgrammingNoise programming;
    private final DriftLaw drift;
    private final double coefficient;

    /**
     * @param model the device model
     * @param rng the generator of this programming event
     */
    public DeviceProgrammer(PcmDeviceModel model, UniformRandomProvider rng) {
        this.model = Objects.requireNonNull(model, "model");
        this.normal = ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng"));
        this.invGMax = 1.0 / model.gMax();
        this.driftScale = model.drift().scale();
        this.table = LawTable.forExponent(model.readNoise().exponent());
        this.programming = model.programming();
        this.drift = model.drift();
        this.coefficient = model.readNoise().coefficient();
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        return model;
    }

    /**
     * Draws (ξ_P, ξ_ν) for every device of one crossbar slice stored as compressed sparse rows, in
     * device order (row by row, then by position in the row), into {@code xi}: the pair of the
     * device in row r at column k goes to {@code xi[2i]} and {@code xi[2i + 1]} with i = r·cols + k.
     * This is the order in which {@link #program(double, double[], int)} would draw them one device
     * at a time; drawing them in one tight loop lets the JIT inline the sampler.
     *
     * @param rows rows of the slice
     * @param cols columns of the slice
     * @param rowStart the devices of row r are at [rowStart[r], rowStart[r + 1])
     * @param column the column of each device
     * @param xi receives the normals, length ≥ 2·rows·cols
     */
    public void drawSlice(int rows, int cols, int[] rowStart, int[] column, double[] xi) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int q = rowStart[r], end = rowStart[r + 1]; q < end; q++) {
                int i = 2 * (base + column[q]);
                xi[i] = normal.sample();
                xi[i + 1] = normal.sample();
            }
        }
    }

    /**
     * Programs one device with its own two draws from the generator.
     *
     * @param target target conductance, µS, signed
     * @param nu where to store the drawn drift exponent
     * @param index index into {@code nu}
     * @return the programmed conductance G_P, µS (0 if the target is 0)
     */
    public double program(double target, double[] nu, int index) {
        if (target == 0.0) {
            nu[index] = 0.0;
            return 0.0;
        }
        lawsAt(target);
        double xiP = normal.sample();
        return program(target, laws[0], laws[1], laws[2], xiP, normal.sample(), nu, index);
    }

    /** Evaluates the device laws at |target| / G_max unless they are already there. */
    private void lawsAt(double target) {
        double g = Math.abs(target) * invGMax;
        if (g != lawsFor) {
            DeviceLaws.evaluate(model, g, laws);
            lawsFor = g;
        }
    }

    /**
     * Programs devices {@code from} … {@code to − 1} of a slice with given standard normals and also
     * reports their raw read-noise amplitudes. Meant for continuous targets (error-corrected slicing):
     * the device laws come from a table of ln g and g^(−e) with a relative error below 2 × 10⁻⁷
     * rather than from a logarithm and an exponential.
     *
     * <p>Each device's numbers are those of {@link #program(double, double, double, double, double,
     * double, double[], int)} with the tabulated laws; only the order of the work differs: the table
     * lookups of every device first, then each law in a loop of its own. C2 unrolls, and so
     * vectorises, only loops with small bodies ({@code -XX:LoopUnrollLimit}): with all the arithmetic
     * in one loop a chunk took 12 ns per device, split as here 5 (docs/performance.md, round 3).
     *
     * @param target target conductances, µS, signed, non-zero
     * @param xiP the programming-noise normal ξ_P of each device
     * @param xiNu the drift-exponent normal ξ_ν of each device
     * @param from first device
     * @param to one past the last device
     * @param programmed receives the programmed conductances G_P, µS
     * @param nu receives the drift exponents
     * @param rawQ receives {@link DeviceLaws#readNoiseRaw} of each target
     * @param lnG scratch space, at least {@code to} long
     * @param sameMagnitude true if every |target| of the range is the same (the laws are then looked up once)
     */
    public void program(double[] target, double[] xiP, double[] xiNu, int from, int to, double[] programmed,
                        double[] nu, double[] rawQ, double[] lnG, boolean sameMagnitude) {
        if (sameMagnitude && to > from) {
            table.lookup(target, from, from + 1, invGMax, coefficient, lnG, rawQ);
            java.util.Arrays.fill(lnG, from + 1, to, lnG[from]);
            java.util.Arrays.fill(rawQ, from + 1, to, rawQ[from]);
        } else {
            table.lookup(target, from, to, invGMax, coefficient, lnG, rawQ);
        }
        programFromLaws(target, xiP, xiNu, from, to, programmed, nu, lnG);
    }

    /**
     * {@link #program(double[], double[], double[], int, int, double[], double[], double[], double[], boolean)}
     * with the table lookups replaced by gathers from laws tabulated per level: where every target of
     * a slice is one of a few hundred magnitudes (the most significant slice of error correction,
     * whose value depends on |W| alone), the lookups, ≈ 5 ns per device, were the largest cost of
     * programming it. {@code laws} must hold, at 2m and 2m + 1, what {@link #laws} gives for the
     * magnitude of level m: then every number is the same, to the bit, as from the lookup.
     *
     * @param target target conductances, µS, signed, non-zero
     * @param xiP the programming-noise normal ξ_P of each device
     * @param xiNu the drift-exponent normal ξ_ν of each device
     * @param from first device
     * @param to one past the last device
     * @param programmed receives the programmed conductances G_P, µS
     * @param nu receives the drift exponents
     * @param rawQ receives {@link DeviceLaws#readNoiseRaw} of each target
     * @param lnG scratch space, at least {@code to} long
     * @param level the level m of each device, |target| being the target of level m
     * @param laws ln g and the raw read-noise amplitude of each level, interleaved
     */
    public void programLevels(double[] target, double[] xiP, double[] xiNu, int from, int to, double[] programmed,
                              double[] nu, double[] rawQ, double[] lnG, int[] level, double[] laws) {
        for (int p = from; p < to; p++) {
            int at = 2 * level[p];
            lnG[p] = laws[at];
            rawQ[p] = laws[at + 1];
        }
        programFromLaws(target, xiP, xiNu, from, to, programmed, nu, lnG);
    }

    /**
     * The device laws of error correction as {@link #program(double[], double[], double[], int, int, double[],
     * double[], double[], double[], boolean)} computes them: ln g into {@code lnG[p]} and
     * coefficient · g^(−e) into {@code rawQ[p]} for g = |target[p]| / G_max + 10⁻¹⁵, from the table.
     *
     * @param target target conductances, µS
     * @param from first device
     * @param to one past the last device
     * @param lnG receives ln g
     * @param rawQ receives the raw read-noise amplitudes
     */
    public void laws(double[] target, int from, int to, double[] lnG, double[] rawQ) {
        table.lookup(target, from, to, invGMax, coefficient, lnG, rawQ);
    }

    /** G_P and ν of devices {@code from} … {@code to − 1} from their ln g, each law in a short loop of its own. */
    private void programFromLaws(double[] target, double[] xiP, double[] xiNu, int from, int to, double[] programmed,
                                 double[] nu, double[] lnG) {
        for (int p = from; p < to; p++) {
            double ln = lnG[p];
            nu[p] = driftScale * Math.abs(DeviceLaws.driftMean(drift, ln) + DeviceLaws.driftSigma(drift, ln) * xiNu[p]);
        }
        for (int p = from; p < to; p++) {
            double t = target[p];
            programmed[p] = t + programming.sigma(Math.abs(t) * invGMax) * xiP[p];
        }
    }

    /**
     * Programs one device whose device-law values were computed beforehand (the same target level
     * recurs in quantised arrays, and the laws cost a log and a power each): G_P = G_T + σ_P·ξ_P and
     * ν = s_ν·|μ_ν + σ_ν·ξ_ν| (docs/model.md §2).
     *
     * @param target target conductance, µS, signed, non-zero
     * @param sigmaP σ_P(g), µS
     * @param muNu μ_ν(g)
     * @param sigmaNu σ_ν(g)
     * @param xiP the programming-noise normal ξ_P
     * @param xiNu the drift-exponent normal ξ_ν
     * @param nu where to store the drift exponent
     * @param index index into {@code nu}
     * @return the programmed conductance G_P, µS
     */
    public double program(double target, double sigmaP, double muNu, double sigmaNu, double xiP, double xiNu,
                          double[] nu, int index) {
        nu[index] = driftExponent(muNu, sigmaNu, xiNu);
        return conductance(target, sigmaP, xiP);
    }

    /**
     * The programmed conductance of {@link #program(double, double, double, double, double, double, double[],
     * int)}: G_P = G_T + σ_P·ξ_P.
     *
     * @param target target conductance, µS, signed
     * @param sigmaP σ_P(g), µS
     * @param xiP the programming-noise normal ξ_P
     * @return G_P, µS
     */
    public double conductance(double target, double sigmaP, double xiP) {
        return target + sigmaP * xiP;
    }

    /**
     * The drift exponent of {@link #program(double, double, double, double, double, double, double[], int)}:
     * ν = s_ν·|μ_ν + σ_ν·ξ_ν|.
     *
     * @param muNu μ_ν(g)
     * @param sigmaNu σ_ν(g)
     * @param xiNu the drift-exponent normal ξ_ν
     * @return ν
     */
    public double driftExponent(double muNu, double sigmaNu, double xiNu) {
        return driftScale * Math.abs(muNu + sigmaNu * xiNu);
    }
}
