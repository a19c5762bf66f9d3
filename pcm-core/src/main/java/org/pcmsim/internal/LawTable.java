package org.pcmsim.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ln g and g^(−e) by table lookup, for the device laws at continuous targets (error-corrected
 * slicing programs a new target value on almost every device, and a logarithm plus an exponential
 * per device were the largest cost of programming it).
 *
 * <p>With g = m · 2^E (1 ≤ m &lt; 2): ln g = E ln 2 + ln m and g^(−e) = 2^(−eE) · m^(−e). ln m and
 * m^(−e) are interpolated linearly between 2^{@value #BITS} + 1 points spaced 2^−{@value #BITS}
 * apart on [1, 2], and 2^(−eE) is tabulated exactly. Linear interpolation of f over a step h errs
 * by at most h² max|f''| / 8: below 1.2 × 10⁻⁷ in ln g (so below 2 × 10⁻⁹ in μ_ν and σ_ν of the
 * Nandakumar law) and, relative, below e(e + 1) · 1.2 × 10⁻⁷ in Q_s (1.3 × 10⁻⁷ for e = 0.65): four
 * orders of magnitude below the resolution of any Monte Carlo estimate here. {@code LawTableTest}
 * checks the bounds. Outside 2^{@value #MIN_EXPONENT} ≤ g &lt; 2^{@value #MAX_EXPONENT} the exact
 * functions are used.
 *
 * <p>Immutable and shared: one table per read-noise exponent.
 */
final class LawTable {
    /** Mantissa bits that select the interpolation interval. */
    static final int BITS = 10;
    static final int MIN_EXPONENT = -60;
    static final int MAX_EXPONENT = 8;
    private static final int SEGMENTS = 1 << BITS;
    private static final int SHIFT = 52 - BITS;
    private static final double LN2 = Math.log(2.0);
    private static final Map<Double, LawTable> TABLES = new ConcurrentHashMap<>();

    private final double exponent;
    /** Per interval k: ln m_k, its slope, m_k^(−e), its slope (interleaved: one cache line per lookup). */
    private final double[] mantissa = new double[4 * SEGMENTS];
    /** 2^(−e·E) for E in [MIN_EXPONENT, MAX_EXPONENT). */
    private final double[] power = new double[MAX_EXPONENT - MIN_EXPONENT];

    private LawTable(double exponent) {
        this.exponent = exponent;
        for (int k = 0; k < SEGMENTS; k++) {
            double m0 = 1.0 + (double) k / SEGMENTS;
            double m1 = 1.0 + (double) (k + 1) / SEGMENTS;
            double ln0 = Math.log(m0);
            double pow0 = Math.pow(m0, -exponent);
            mantissa[4 * k] = ln0;
            mantissa[4 * k + 1] = (Math.log(m1) - ln0) * SEGMENTS;
            mantissa[4 * k + 2] = pow0;
            mantissa[4 * k + 3] = (Math.pow(m1, -exponent) - pow0) * SEGMENTS;
        }
        for (int e = MIN_EXPONENT; e < MAX_EXPONENT; e++) {
            power[e - MIN_EXPONENT] = Math.pow(2.0, -exponent * e);
        }
    }

    /**
     * @param exponent e of g^(−e)
     * @return the shared table for it
     */
    static LawTable forExponent(double exponent) {
        return TABLES.computeIfAbsent(exponent, LawTable::new);
    }

    /**
     * {@link #evaluate} of |target[p]| · invGMax + {@value DeviceLaws#G_EPSILON} for p in
     * [from, to): ln g into {@code lnG[p]} and coefficient · g^(−e) into {@code rawQ[p]}, the same
     * numbers as {@link DeviceLaws#evaluate(org.pcmsim.device.PcmDeviceModel, double, LawTable, double[],
     * double[])}. One lookup per device, in a loop of its own: its loads from the table cannot be
     * vectorised, and the arithmetic that follows can.
     *
     * @param target target conductances, µS
     * @param from first device
     * @param to one past the last device
     * @param invGMax 1 / G_max, 1/µS
     * @param coefficient the read-noise coefficient
     * @param lnG receives ln g
     * @param rawQ receives coefficient · g^(−e)
     */
    void lookup(double[] target, int from, int to, double invGMax, double coefficient, double[] lnG, double[] rawQ) {
        for (int p = from; p < to; p++) {
            at(Math.abs(target[p]) * invGMax + DeviceLaws.G_EPSILON, coefficient, lnG, p, rawQ, p);
        }
    }

    /**
     * @param g a positive number
     * @param out receives ln g at index 0 and g^(−e) at index 1
     */
    void evaluate(double g, double[] out) {
        // A coefficient of 1 multiplies exactly: the same numbers as without it.
        at(g, 1.0, out, 0, out, 1);
    }

    /** ln g into lnG[lnAt] and coefficient · g^(−e) into rawQ[qAt]; the one body of the table's arithmetic. */
    private void at(double g, double coefficient, double[] lnG, int lnAt, double[] rawQ, int qAt) {
        long bits = Double.doubleToRawLongBits(g);
        int e = (int) (bits >>> 52) - 1023;
        if (e < MIN_EXPONENT || e >= MAX_EXPONENT || bits < 0) {
            double ln = Math.log(g);
            lnG[lnAt] = ln;
            rawQ[qAt] = coefficient * Math.exp(-exponent * ln);
            return;
        }
        int k = (int) (bits >>> SHIFT) & (SEGMENTS - 1);
        // The mantissa's offset from m_k, exactly: m − m_k = (low mantissa bits) · 2^−52.
        double dm = (bits & ((1L << SHIFT) - 1)) * 0x1.0p-52;
        int at = 4 * k;
        lnG[lnAt] = e * LN2 + (mantissa[at] + mantissa[at + 1] * dm);
        rawQ[qAt] = coefficient * (power[e - MIN_EXPONENT] * (mantissa[at + 2] + mantissa[at + 3] * dm));
    }
}
