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

    @Test
    void arrayFormIsWithinOnePointFiveTimesTenToTheMinusThirteen() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 100_000;
        double[] nu = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Drift exponents up to 0.5 and log-time steps up to 16: |x| up to 8, the vector form.
            nu[i] = random.nextDouble(0, 0.5);
        }
        double worst = 0;
        for (double delta : new double[] {0.1, 1.0, Math.log(2592000 / 20.0), 16.0}) {
            FastExp.exp(nu, -delta, out, n);
            for (int i = 0; i < n; i++) {
                double exact = Math.exp(-nu[i] * delta);
                worst = Math.max(worst, Math.abs(out[i] - exact) / exact);
            }
        }
        assertTrue(worst <= 1.5e-13, "worst relative error " + worst);
        assertTrue(worst > 0, "the vector form is not exact, so the test must see its error");
    }

    @Test
    void arrayFormFallsBackBeyondItsRange() {
        double[] nu = {0.1, 2.0, 0.0};
        double[] out = new double[3];
        FastExp.exp(nu, -10.0, out, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(FastExp.exp(nu[i] * -10.0), out[i], 0.0);
        }
    }
}
