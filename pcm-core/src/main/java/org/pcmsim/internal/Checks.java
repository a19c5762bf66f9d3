package org.pcmsim.internal;

/**
 * Argument checks whose messages name the bad value; written so that NaN always fails.
 * Not part of the public API.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * @param name the parameter's name, as the user knows it
     * @param v the value
     * @throws IllegalArgumentException if v is NaN or infinite
     */
    public static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    /**
     * @param name the parameter's name
     * @param v the value
     * @throws IllegalArgumentException unless 0 &lt; v &lt; ∞
     */
    public static void positive(String name, double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
        }
    }

    /**
     * @param name the parameter's name
     * @param v the value
     * @throws IllegalArgumentException unless 0 ≤ v &lt; ∞
     */
    public static void nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }

    /**
     * @param name the parameter's name
     * @param v the value
     * @param min the smallest allowed value
     * @throws IllegalArgumentException if v &lt; min
     */
    public static void atLeast(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }

    /**
     * @param t a read time, s
     * @throws IllegalArgumentException if t is negative or not finite
     */
    public static void readTime(double t) {
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("read time must be >= 0 s and finite, got " + t);
        }
    }
}
