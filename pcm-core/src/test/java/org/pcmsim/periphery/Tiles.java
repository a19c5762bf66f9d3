package org.pcmsim.periphery;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.random.TrialStream;
import org.pcmsim.random.TrialStreams;

/** Tiles, inputs and norms shared by the IR-drop tests. */
final class Tiles {
    private Tiles() {
    }

    static double[] exact(double[] g, int rows, int cols, double[] v, double ohm) {
        double[] out = new double[cols];
        new ExactIrDropSolver(1e-12, 10_000).solve(g, rows, cols, v, ohm, out);
        return out;
    }

    static double[] firstOrder(double[] g, int rows, int cols, double[] v, double ohm) {
        double[] out = new double[cols];
        IrDrop.firstOrder(g, rows, cols, v, ohm, out);
        return out;
    }

    static double[] ideal(double[] g, int rows, int cols, double[] v) {
        double[] out = new double[cols];
        IrDrop.ideal(g, rows, cols, v, out);
        return out;
    }

    /** A 128 × 128 tile with the paper's conductances: G = 25 µS · |W| / 255, W a clipped normal. */
    static double[] paperTile(int n, long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, TrialStream.DATA);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] g = new double[n * n];
        for (int k = 0; k < g.length; k++) {
            double w = Math.max(-255, Math.min(255, Math.rint(normal.sample() * 255 / 3)));
            g[k] = 25.0 * Math.abs(w) / 255;
        }
        return g;
    }

    static double[] positiveInputs(int n, long seed) {
        UniformRandomProvider rng = TrialStreams.stream(seed, 0, TrialStream.PROGRAMMING);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
