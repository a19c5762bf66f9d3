package org.pcmsim.slicing;

import java.util.Objects;
import org.pcmsim.internal.Access;
import org.pcmsim.internal.SlicingAccess;

/**
 * Splits integer weight magnitudes into slice values (docs/model.md §3). For {@link
 * SlicingAlgorithm#MAX_FILL_EC} each slice must be programmed before the next is computed: the
 * crossbar's programmer does that, one whole slice at a time, with the same numbers as the
 * one-weight form here (which, without a device, slices as Max-fill does).
 *
 * <p>Slices are visited from the most significant (j = n_W − 1) to the least (j = 0), which is also
 * the order in which devices are programmed.
 */
public final class Slicer {

    /** Programs one slice of one weight and reports the value actually reached. */
    @FunctionalInterface
    interface SliceProgrammer {
        /**
         * @param slice j
         * @param value the slice value to program, in weight units (may be negative for EC)
         * @return the value actually programmed, in weight units
         */
        double program(int slice, double value);
    }

    static {
        Access.register(new SlicingAccess() {
            @Override
            public void maxFillStep(Slicer slicer, int slice, double[] rest, double[] values, int count) {
                slicer.maxFillStep(slice, rest, values, count);
            }
        });
    }

    /** Remainders below this (in weight levels) are rounding, not weight: a slice of 1e-15 would be programmed. */
    private static final double ROUNDING = 1e-9;

    private final SlicingScheme scheme;
    private final double range;
    private final double[] significance;
    /**
     * 1 / b^j. R · (1 / b^j) instead of R / b^j: a division per weight and slice was the largest cost
     * of error-corrected slicing; the two agree exactly for b = 1, 2, 4, 8 and within an ulp otherwise.
     */
    private final double[] inverseSignificance;
    private final double[] capacityBelow;
    private final double sumSignificance;

    /** @param scheme the slicing configuration */
    public Slicer(SlicingScheme scheme) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        int n = scheme.nSlices();
        this.range = scheme.range();
        this.significance = new double[n];
        this.inverseSignificance = new double[n];
        this.capacityBelow = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            significance[j] = scheme.significance(j);
            inverseSignificance[j] = 1.0 / significance[j];
            capacityBelow[j] = range * sum;
            sum += significance[j];
        }
        this.sumSignificance = sum;
    }

    /** @return the scheme */
    public SlicingScheme scheme() {
        return scheme;
    }

    /**
     * Noise-free slicing: the slice values S_0 … S_{n−1} with Σ b^j S_j = |W|.
     *
     * @param magnitude |W|, 0 ≤ |W| ≤ 2^bits − 1
     * @param out receives S_j at index j (length ≥ n_W)
     */
    public void slice(double magnitude, double[] out) {
        slice(magnitude, out, null);
    }

    /**
     * Slicing with programming interleaved. Without error correction the programmer is only told
     * each value; with {@link SlicingAlgorithm#MAX_FILL_EC} the actual value it returns is
     * subtracted from what remains.
     *
     * @param magnitude |W|
     * @param out receives the target S_j at index j
     * @param programmer programs each slice, or {@code null}
     */
    void slice(double magnitude, double[] out, SliceProgrammer programmer) {
        if (!(magnitude >= 0 && magnitude <= scheme.maxMagnitude())) {
            throw new IllegalArgumentException(
                    "weight magnitude must be in 0.." + scheme.maxMagnitude() + ", got " + magnitude);
        }
        int n = scheme.nSlices();
        switch (scheme.algorithm()) {
            case EQUAL_FILL -> {
                double s = magnitude / sumSignificance;
                for (int j = n - 1; j >= 0; j--) {
                    out[j] = s;
                    if (programmer != null) {
                        programmer.program(j, s);
                    }
                }
            }
            case POSITIONAL -> {
                long w = Math.round(magnitude);
                if (w != magnitude) {
                    throw new IllegalArgumentException("positional slicing needs an integer magnitude, got " + magnitude);
                }
                int k = Integer.numberOfTrailingZeros(scheme.base());
                long mask = scheme.base() - 1L;
                for (int j = n - 1; j >= 0; j--) {
                    out[j] = (w >>> (j * k)) & mask;
                    if (programmer != null) {
                        programmer.program(j, out[j]);
                    }
                }
            }
            case MAX_FILL, MAX_FILL_EC -> maxFill(magnitude, out, programmer,
                    scheme.algorithm() == SlicingAlgorithm.MAX_FILL_EC);
            default -> throw new AssertionError(scheme.algorithm());
        }
    }

    private void maxFill(double magnitude, double[] out, SliceProgrammer programmer, boolean correct) {
        int n = scheme.nSlices();
        double rest = magnitude;
        for (int j = n - 1; j >= 0; j--) {
            double s = maxFillValue(j, rest);
            out[j] = s;
            double actual = s;
            if (programmer != null) {
                double reached = programmer.program(j, s);
                if (correct) {
                    actual = reached;
                }
            }
            rest = remainderAfter(j, rest, s, actual);
        }
    }

    /**
     * One step of Max-fill (with or without error correction): the value of slice j given what
     * remains to be placed, slices being filled from the most significant down.
     *
     * @param slice j
     * @param rest R, the magnitude still to be placed before slice j (weight levels)
     * @return S_j
     */
    private double maxFillValue(int slice, double rest) {
        if (slice == 0) {
            return rest;
        }
        if (scheme.base() == 1) {
            return rest >= range ? range : 0.0;
        }
        return rest > capacityBelow[slice] ? Math.min(rest * inverseSignificance[slice], range) : 0.0;
    }

    /**
     * One Max-fill step for many weights at once: for each i in {@code [0, count)}, S_j =
     * {@link #maxFillValue}(j, R_i) into {@code values[i]} and R_i replaced by
     * {@link #remainderAfter}(j, R_i, S_j, S_j), i.e. the remainder if the slice were programmed
     * exactly (error correction then subtracts b^j · (actual − S_j)). The same numbers as the
     * one-weight methods, with the slice-invariant tests hoisted.
     *
     * @param slice j
     * @param rest R of each weight before slice j, replaced by R after it
     * @param values receives S_j of each weight
     * @param count number of weights
     */
    void maxFillStep(int slice, double[] rest, double[] values, int count) {
        if (slice == 0) {
            // The last slice absorbs everything: R − R is exactly 0.
            System.arraycopy(rest, 0, values, 0, count);
            java.util.Arrays.fill(rest, 0, count, 0.0);
            return;
        }
        double sig = significance[slice];
        double inv = inverseSignificance[slice];
        double below = capacityBelow[slice];
        // Branch-free through bit masks: on x86 the JIT compiles a select of doubles to a branch,
        // which mispredicts on random weights (a 2-3x slower loop, measured).
        long rangeBits = Double.doubleToRawLongBits(range);
        if (scheme.base() == 1) {
            for (int i = 0; i < count; i++) {
                double r = rest[i];
                double s = Double.longBitsToDouble(rangeBits & mask(r >= range));
                values[i] = s;
                rest[i] = snap(r - sig * s);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            double r = rest[i];
            double q = r * inv;
            long fits = mask(r > below);
            // The slice absorbs all that remains: R − R is exactly 0 (R − b^j (R / b^j) might not be).
            long absorbs = fits & mask(q <= range);
            double s = Double.longBitsToDouble((q < range ? Double.doubleToRawLongBits(q) : rangeBits) & fits);
            double left = Double.longBitsToDouble(Double.doubleToRawLongBits(r - sig * s) & ~absorbs);
            values[i] = s;
            rest[i] = snap(left);
        }
    }

    /** All ones if the condition holds, else 0 (a conditional move, not a branch). */
    private static long mask(boolean condition) {
        return condition ? -1L : 0L;
    }

    /** 0 for remainders below {@link #ROUNDING}, else the remainder, without a branch. */
    private static double snap(double left) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(left) & ~mask(Math.abs(left) < ROUNDING));
    }

    /**
     * What remains after slice j: R − b^j · S_j, minus b^j times the programming error (actual − S_j)
     * under error correction (pass actual = S_j without it).
     *
     * @param slice j
     * @param rest R before slice j
     * @param value S_j from {@link #maxFillValue}
     * @param actual the value slice j actually reached, in weight levels
     * @return R after slice j
     */
    private double remainderAfter(int slice, double rest, double value, double actual) {
        boolean absorbsAll = slice == 0 || scheme.base() > 1 && rest > capacityBelow[slice]
                && rest * inverseSignificance[slice] <= range;
        // When a slice takes all that remains, the remainder is exactly zero: rounding in
        // rest - b^j (rest / b^j) would otherwise leave a ~1e-15 target that gets programmed.
        double placed = absorbsAll ? rest : significance[slice] * value;
        double left = rest - placed;
        if (Math.abs(left) < ROUNDING) {
            left = 0.0;
        }
        return left - significance[slice] * (actual - value);
    }
}
