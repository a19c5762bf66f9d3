package org.pcmsim.slicing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Noise-free slicing laws of docs/model.md §3. */
class SlicingTest {

    static List<SlicingScheme> allSchemes() {
        List<SlicingScheme> l = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            for (int b = 1; b <= 8; b++) {
                l.add(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, n, b));
                l.add(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, n, b));
                l.add(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, n, b));
            }
            l.add(SlicingScheme.positional(n));
        }
        return l;
    }

    @Test
    void everyMagnitudeIsReconstructedAndEverySliceStaysInRange() {
        for (SlicingScheme s : allSchemes()) {
            Slicer slicer = new Slicer(s);
            double r = s.range();
            double[] out = new double[s.nSlices()];
            for (int w = 0; w <= 255; w++) {
                slicer.slice(w, out);
                double sum = 0;
                for (int j = 0; j < s.nSlices(); j++) {
                    sum += s.significance(j) * out[j];
                    assertTrue(out[j] >= 0 && out[j] <= r + 1e-9,
                            s + ": slice " + j + " of |W|=" + w + " is " + out[j] + ", range " + r);
                }
                assertEquals(w, sum, 1e-9 * Math.max(1, w), s + ": reconstruction of |W|=" + w);
            }
        }
    }

    @Test
    void errorCorrectionWithAnExactProgrammerEqualsMaxFill() {
        for (int n = 1; n <= 8; n++) {
            for (int b = 1; b <= 8; b++) {
                Slicer ec = new Slicer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, n, b));
                Slicer mf = new Slicer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, n, b));
                double[] a = new double[n];
                double[] c = new double[n];
                for (int w = 0; w <= 255; w++) {
                    ec.slice(w, a, (j, v) -> v);
                    mf.slice(w, c);
                    assertArrayEquals(c, a, 0.0, "n=" + n + " b=" + b + " |W|=" + w);
                }
            }
        }
    }

    @Test
    void knownSlicings() {
        double[] out = new double[8];
        new Slicer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 8, 1)).slice(100, out);
        double r = 255.0 / 8;
        assertArrayEquals(new double[] {100 - 3 * r, 0, 0, 0, 0, r, r, r}, out, 1e-12);
        double[] four = new double[4];
        new Slicer(SlicingScheme.positional(4)).slice(0b10_01_11_00, four);
        assertArrayEquals(new double[] {0, 3, 1, 2}, four, 0.0);
        double[] two = new double[2];
        new Slicer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 2)).slice(255, two);
        assertArrayEquals(new double[] {85, 85}, two, 1e-12);
        new Slicer(SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 2)).slice(200, two);
        assertArrayEquals(new double[] {200 - 2 * 85, 85}, two, 1e-12);
    }

    @Test
    void rangesFollowTheModel() {
        assertEquals(255.0 / 4, SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 4, 1).range(), 1e-12);
        assertEquals(255.0 * 2 / 8, SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 3).range(), 1e-12);
        assertEquals(15, SlicingScheme.positional(2).range(), 0.0);
        assertEquals(16, SlicingScheme.positional(2).base());
        assertEquals(8, SlicingScheme.positional(3).base());
        assertEquals(256, SlicingScheme.positional(1).base());
    }

    @Test
    void badSchemesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 0, 1));
        assertEquals("nSlices must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlicingScheme.of(SlicingAlgorithm.MAX_FILL, 2, 0));
        assertEquals("base must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SlicingScheme(SlicingAlgorithm.POSITIONAL, 2, 4, 8));
        assertTrue(e.getMessage().contains("got base 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Slicer(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 2, 1)).slice(256, new double[2]));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
    }

    @Test
    void ternaryQuantizerFollowsBitNet() {
        double[] w = {0.1, -0.2, 1.0, -3.0, 0.5, 0.0};
        // mean|w| = 4.8 / 6 = 0.8, tau = 0.56; |w| > tau: 1.0, 3.0 -> alpha = 2.0
        int[] out = new int[w.length];
        TernaryQuantizer.BITNET.quantize(w, 255.0 / 3, 255, out);
        int level = (int) Math.rint(2.0 * 255 / 3);
        assertArrayEquals(new int[] {0, 0, level, -level, 0, 0}, out);
    }

    @Test
    void integerQuantizerClipsAtKSigma() {
        int[] out = new int[4];
        IntegerQuantizer.WEIGHTS_9BIT_3SIGMA.quantize(new double[] {0.0, 1.0, -3.5, 0.004}, 85, out);
        assertArrayEquals(new int[] {0, 85, -255, 0}, out);
        assertEquals(255.0 / 4, IntegerQuantizer.INPUTS_9BIT_4SIGMA.scale(1), 1e-12);
    }
}
