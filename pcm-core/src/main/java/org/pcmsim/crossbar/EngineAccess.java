package org.pcmsim.crossbar;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.pcmsim.internal.CrossbarAccess;

/**
 * This package's unexported operations for the Monte Carlo engine ({@link CrossbarAccess});
 * registered by {@link CrossbarProgrammer} when it loads.
 */
final class EngineAccess implements CrossbarAccess {
    @Override
    public ProgrammedCrossbar allocateIn(CrossbarProgrammer programmer, ProgrammedCrossbar storage) {
        return programmer.allocateIn(storage);
    }

    @Override
    public void allowColumnReads(ProgrammedCrossbar pc, int reads) {
        if (reads < 0) {
            throw new IllegalArgumentException("reads must be >= 0, got " + reads);
        }
        pc.columnReads = reads;
    }

    @Override
    public void programInto(CrossbarProgrammer programmer, ProgrammedCrossbar pc, int[] weights,
                            IntFunction<double[]> normals, IntConsumer afterSlice) {
        programmer.programInto(pc, weights, normals, afterSlice);
    }

    @Override
    public boolean programSameChip(CrossbarProgrammer a, CrossbarProgrammer b) {
        return a.programsSameChipAs(b);
    }

    @Override
    public void readSlice(CrossbarReader reader, ProgrammedCrossbar pc, int slice, double[] times, int[] x,
                          NormalizedGaussianSampler normal, ChipPeriphery chip, int tile, double[][] y,
                          double[][] cal) {
        reader.readSlice(pc, slice, times, x, normal, chip, tile, y, cal);
    }

    @Override
    public double calibrationSum(CrossbarReader reader, double[] cal) {
        return reader.calibrationSum(cal);
    }
}
