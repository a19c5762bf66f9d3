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

    /**
     * The check that chooses the vector form gives the answer of the running maximum it replaced,
     * max_p |v[p]| · |factor| ≤ 8, on arrays around the bound and with NaN and infinities: the
     * form chosen, and so every drift factor, is the same to the bit.
     */
    @Test
    void vectorBoundCheckAgreesWithTheRunningMaximum() {
        SplittableRandom random = new SplittableRandom(5);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Math.nextUp(8.0), 8.0, Math.nextDown(8.0)};
        int agreedTrue = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            int n = random.nextInt(0, 40);
            double[] v = new double[n];
            for (int p = 0; p < n; p++) {
                v[p] = random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)]
                        : random.nextDouble(-0.6, 0.6);
            }
            // Factors that put the largest |v| just below, at and just above the bound.
            double largest = 0;
            for (double x : v) {
                largest = Math.max(largest, Math.abs(x));
            }
            double factor = switch (trial % 5) {
                case 0 -> 8.0 / largest;
                case 1 -> Math.nextUp(8.0 / largest);
                case 2 -> -Math.nextDown(8.0 / largest);
                case 3 -> specials[random.nextInt(specials.length)];
                default -> random.nextDouble(-20, 20);
            };
            boolean expected = largest * Math.abs(factor) <= 8.0;
            assertEquals(expected, FastExp.withinVectorBound(v, factor, n),
                    "v = " + java.util.Arrays.toString(v) + ", factor = " + factor);
            agreedTrue += expected ? 1 : 0;
        }
        // Both answers occur often: the comparison is not vacuous.
        assertTrue(agreedTrue > 2_000 && agreedTrue < 18_000, "true in " + agreedTrue + " of 20000");
    }
}
