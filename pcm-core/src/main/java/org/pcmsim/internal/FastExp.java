package org.pcmsim.internal;

/**
 * e^x to within 2 ulp, several times faster than {@link Math#exp} in a loop: the drift factor
 * (t/t0)^(−ν) = e^(−ν ln(t/t0)) needs one exponential per device and trial, and {@code Math.exp} is
 * an out-of-line call that the JIT can neither inline nor overlap with its neighbours.
 *
 * <p>Method (Tang 1989, ACM TOMS 15(2)): x = (k + j/256) ln 2 + r with |r| ≤ ln 2 / 512, so
 * e^x = 2^k · 2^(j/256) · e^r, with 2^(j/256) from a table and e^r from its degree-4 Taylor
 * polynomial (truncation error below 4 × 10⁻¹⁷). {@code FastExpTest} checks the error against
 * {@code Math.exp}. Not for public use: outside [−700, 700] it defers to {@code Math.exp}.
 */
public final class FastExp {
    /** Largest |x| for the vectorised array form: x / 256 ≤ 1/32. */
    private static final double VECTOR_BOUND = 8.0;
    private static final int BITS = 8;
    private static final int SIZE = 1 << BITS;
    private static final double TO_STEPS = SIZE / Math.log(2.0);
    // ln 2 / 256 as fdlibm's two-part ln 2 (hi has 32 significant bits, so n · hi is exact for the
    // |n| < 2^18 used here; hi + lo carries ln 2 to about 2^−85 relative).
    private static final double LN2_HI = 6.93147180369123816490e-01 / SIZE;
    private static final double LN2_LO = 1.90821492927058770002e-10 / SIZE;
    private static final double SHIFTER = 0x1.8p52;
    private static final long MANTISSA = (1L << 52) - 1;
    private static final long OFFSET = 1L << 51;
    /** Bit patterns of 2^(j/256), j = 0 … 255, exact to the last bit. */
    private static final long[] TABLE = new long[SIZE];

    static {
        for (int j = 0; j < SIZE; j++) {
            TABLE[j] = Double.doubleToRawLongBits(StrictMath.pow(2.0, (double) j / SIZE));
        }
    }

    private FastExp() {
    }

    /**
     * @param x the exponent
     * @return e^x, within 2 ulp of {@link Math#exp}
     */
    public static double exp(double x) {
        if (!(x > -700 && x < 700)) {
            return Math.exp(x);
        }
        // Rounds x · 256 / ln 2 to the nearest integer n by adding 1.5 · 2^52: n is then the low bits of
        // the sum's mantissa (offset by 2^51), with no rint and no checked double-to-int conversion.
        double shifted = x * TO_STEPS + SHIFTER;
        double n = shifted - SHIFTER;
        long in = (Double.doubleToRawLongBits(shifted) & MANTISSA) - OFFSET;
        double r = (x - n * LN2_HI) - n * LN2_LO;
        // 2^(n >> 8) scales the table entry by adding to its binary exponent.
        double scale = Double.longBitsToDouble(TABLE[(int) in & (SIZE - 1)] + ((in >> BITS) << 52));
        // |r| ≤ ln 2 / 512, so the degree-4 Taylor polynomial of e^r − 1 is exact to 4 × 10⁻¹⁷.
        double p = r * (1.0 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
        return scale + scale * p;
    }

    /**
     * e^(factor · v[p]) for p in [0, count), into {@code out}: the drift step (t_k / t_{k−1})^(−ν) of
     * every device of a slice at once. When every |factor · v[p]| ≤ {@value #VECTOR_BOUND} (all drift
     * exponents and read times of the published experiments), a form the JIT vectorises:
     * e^x = (e^(x/256))^256 with e^(x/256) from its degree-7 Taylor polynomial (truncation below
     * 3 × 10⁻¹⁷) and eight squarings, which amplify rounding to at most ≈ 1.5 × 10⁻¹³ relative
     * ({@code FastExpTest}); five times faster than {@link #exp(double)} in a loop. Otherwise
     * {@link #exp(double)} element by element.
     *
     * @param v the exponents' factors (drift exponents ν ≥ 0)
     * @param factor the common factor (−ln(t_k / t_{k−1}))
     * @param out receives the exponentials
     * @param count how many
     */
    public static void exp(double[] v, double factor, double[] out, int count) {
        exp(v, factor, out, count, withinVectorBound(v, factor, count));
    }

    /**
     * {@link #exp(double[], double, double[], int)} in the form the caller chose with
     * {@link #withinVectorBound} over all the exponents of a slice, for a slice stored in several arrays
     * (each element then gets the value it would get in one array).
     *
     * @param v the exponents' factors
     * @param factor the common factor
     * @param out receives the exponentials
     * @param count how many
     * @param vectorForm true for the vector form (only valid when the bound holds for these elements)
     */
    public static void exp(double[] v, double factor, double[] out, int count, boolean vectorForm) {
        if (!vectorForm) {
            for (int p = 0; p < count; p++) {
                out[p] = exp(v[p] * factor);
            }
            return;
        }
        double c = factor / 256;
        for (int p = 0; p < count; p++) {
            double r = v[p] * c;
            double e = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120
                    + r * (1.0 / 720 + r * (1.0 / 5040)))))));
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            out[p] = e;
        }
    }

    /**
     * Whether every |factor · v[p]| ≤ {@value #VECTOR_BOUND} (false if any is NaN): the same answer as
     * max_p |v[p]| · |factor| ≤ {@value #VECTOR_BOUND}, because a product by |factor| ≥ 0 is monotone
     * under rounding. A conjunction rather than a running {@code Math.max}, whose chain of dependent
     * selects made this check cost three times the vectorised exponentials it guards.
     *
     * @param v the exponents' factors
     * @param factor the common factor
     * @param count how many
     * @return true if the vector form of {@link #exp(double[], double, double[], int)} applies
     */
    public static boolean withinVectorBound(double[] v, double factor, int count) {
        double f = Math.abs(factor);
        // The maximum started from 0: with no element, the answer for |v| = 0.
        boolean within = 0.0 * f <= VECTOR_BOUND;
        for (int p = 0; p < count; p++) {
            within &= Math.abs(v[p]) * f <= VECTOR_BOUND;
        }
        return within;
    }
}
