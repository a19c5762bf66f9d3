package org.pcmsim.theory;

import org.pcmsim.internal.Checks;

/**
 * The paper's analytical prediction of the MVM error of Equal-fill slicing (Le Gallo, Ciric et al.
 * 2022, eq. 8), calibrated on the single-slice error η_s:
 * η(n_W) = η_s · sqrt(((1 − b)(1 + b^n_W)) / ((1 + b)(1 − b^n_W))) for b &gt; 1, and
 * η_s / sqrt(n_W) for b = 1.
 *
 * <p>Why: with Equal-fill every slice holds |W| / Σ b^k, so the independent per-slice errors are
 * weighted by b^j; the ratio of Σ b^2j to (Σ b^j)² gives the formula, if the per-device error does
 * not depend on the stored value.
 */
public final class EqualFillTheory {
    private EqualFillTheory() {
    }

    /**
     * @param etaSingle η_s, the error with one slice, ≥ 0
     * @param nSlices n_W ≥ 1
     * @param base b_W ≥ 1
     * @return the predicted η
     */
    public static double eta(double etaSingle, int nSlices, int base) {
        Checks.nonNegative("etaSingle", etaSingle);
        Checks.atLeast("nSlices", nSlices, 1);
        Checks.atLeast("base", base, 1);
        return etaSingle * factor(nSlices, base);
    }

    /**
     * @param nSlices n_W ≥ 1
     * @param base b_W ≥ 1
     * @return η(n_W) / η_s
     */
    public static double factor(int nSlices, int base) {
        Checks.atLeast("nSlices", nSlices, 1);
        Checks.atLeast("base", base, 1);
        if (base == 1) {
            return 1.0 / Math.sqrt(nSlices);
        }
        double b = base;
        double bn = Math.pow(b, nSlices);
        return Math.sqrt(((1 - b) * (1 + bn)) / ((1 + b) * (1 - bn)));
    }
}
