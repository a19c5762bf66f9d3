package org.pcmsim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FastExp against Math.exp, in ulps, over the range the drift factor uses and beyond. */
class FastExpTest {
    @Test
    void withinTwoUlpOfMathExp() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // Drift factors need x in [−10, 0]; cover the whole fast range too.
            double x = i % 2 == 0 ? random.nextDouble(-10, 0) : random.nextDouble(-700, 700);
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(FastExp.exp(x) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
    }

    @Test
    void exactAtZeroAndDefersOutsideTheRange() {
        assertEquals(1.0, FastExp.exp(0.0), 0.0);
        assertEquals(1.0, FastExp.exp(-0.0), 0.0);
        for (double x : new double[] {-800, 710, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertEquals(Math.exp(x), FastExp.exp(x), 0.0, "x = " + x);
        }
    }
}
