package org.pcmsim.crossbar;

import java.util.Arrays;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.internal.DeviceLaws;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.Slicer;

/**
 * The targets and device laws of a scheme without error correction, per slice j and integer weight
 * magnitude |W|: there every slice value depends on |W| alone, so a logarithm and a power per level
 * replace one per device. Immutable; built once per {@link CrossbarProgrammer}.
 */
final class LevelTable {
    /**
     * Per (j, |W|) at index 5·(j·(W_max + 1) + |W|): slice target magnitude (µS), σ_P, μ_ν, σ_ν and Q_s
     * (final under the G_max normalisation, raw otherwise), interleaved so that one device reads one
     * cache line, and slice-major so that the table of the slice being programmed stays in the L1 cache.
     */
    final double[] level;
    /** Per (j, |W|) at index j·(W_max + 1) + |W|: 1 if that slice has a non-zero target, else 0. */
    final int[] programmed;
    /**
     * Per (j, |W|): 1 if that level's target was clipped to G_max; null if none is, which holds for
     * every scheme here (their targets stay within G_max), so that programming pays nothing for it.
     */
    private final int[] clipped;

    /**
     * @param scheme a scheme without error correction
     * @param model the device model
     * @param limit the largest |target| a device holds, µS
     * @param countLimit above this |target| a level counts as clipped, µS
     */
    LevelTable(SlicingScheme scheme, PcmDeviceModel model, double limit, double countLimit) {
        Slicer slicer = new Slicer(scheme);
        int n = scheme.nSlices();
        double unit = model.gMax() / scheme.range();
        int levels = scheme.maxMagnitude() + 1;
        level = new double[5 * levels * n];
        programmed = new int[levels * n];
        int[] clippedLevels = new int[levels * n];
        boolean anyClipped = false;
        double invGMax = 1.0 / model.gMax();
        double[] laws = new double[4];
        double[] slice = new double[n];
        for (int m = 0; m < levels; m++) {
            slicer.slice(m, slice);
            for (int j = 0; j < n; j++) {
                // Equal-fill puts |W| / W_max of G_max on every slice whatever b_W: computed so,
                // the targets are the same to the bit for every b_W (S_j · G_max / r is not).
                double t = scheme.algorithm() == SlicingAlgorithm.EQUAL_FILL
                        ? model.gMax() * m / scheme.maxMagnitude() : slice[j] * unit;
                int at = j * levels + m;
                if (Math.abs(t) > countLimit) {
                    t = Math.copySign(limit, t);
                    clippedLevels[at] = 1;
                    anyClipped = true;
                }
                // The same expression for g as DeviceProgrammer, so that both paths agree to the bit.
                DeviceLaws.evaluate(model, Math.abs(t) * invGMax, laws);
                level[5 * at] = t;
                programmed[at] = t != 0.0 ? 1 : 0;
                level[5 * at + 1] = laws[0];
                level[5 * at + 2] = laws[1];
                level[5 * at + 3] = laws[2];
                // Final Q_s under the G_max normalisation; the raw amplitude otherwise.
                level[5 * at + 4] = model.readNoiseNormalization() == ReadNoiseNormalization.G_MAX
                        ? DeviceLaws.readNoiseFromRaw(model.readNoise(), laws[3], 1.0) : laws[3];
            }
        }
        clipped = anyClipped ? clippedLevels : null;
    }

    /**
     * @param other another table
     * @return true if both hold the same targets and laws, to the bit
     */
    boolean sameAs(LevelTable other) {
        return Arrays.equals(level, other.level) && Arrays.equals(programmed, other.programmed);
    }

    /** @return true if some level's target is clipped to G_max */
    boolean clipsAny() {
        return clipped != null;
    }

    /**
     * @param codes the level code of each programmed device (5 · index, bitwise-negated for a negative
     *     weight)
     * @param count number of devices
     * @return how many of them have a clipped target
     */
    int clippedAmong(int[] codes, int count) {
        if (clipped == null) {
            return 0;
        }
        int c = 0;
        for (int q = 0; q < count; q++) {
            int code = codes[q];
            c += clipped[(code ^ (code >> 31)) / 5];
        }
        return c;
    }
}
