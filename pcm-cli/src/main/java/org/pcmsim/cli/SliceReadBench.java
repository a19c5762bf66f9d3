package org.pcmsim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.pcmsim.crossbar.CrossbarConfig;
import org.pcmsim.crossbar.CrossbarProgrammer;
import org.pcmsim.crossbar.ProgrammedCrossbar;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.crossbar.SliceReadProbe;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.slicing.SlicingAlgorithm;
import org.pcmsim.slicing.SlicingScheme;

/**
 * {@code pcm bench --slice-reads}: the cost of one slice read of a 128 × 128 tile through each periphery,
 * against the ideal read of the same slice (docs/performance.md, "Periphery"). The slices are those of
 * the paper's Gaussian weights (clipped at 3σ, signed inputs at 4σ): Equal-fill n_W = 1 (dense) and the
 * three upper slices of Max-fill EC n_W = 4 (ever sparser). A read is one call of
 * {@link SliceReadProbe#read} (the engine's slice read) with the read times of a figure, as the engine calls it, divided by the
 * number of times: t0 and one month (the periphery figure; the month's drift factors from t0 in one
 * step) or Figure 4(c)'s 12 times (drift carried forward); aggregated read noise, GDC on.
 *
 * <p>Ratios are taken within one process and one round, the peripheries interleaved (their order rotates
 * from round to round), so a loaded machine slows both sides of a ratio alike; times are the thread's CPU
 * time, which other processes on the machine inflate less than wall time.
 */
final class SliceReadBench {
    private static final CrossbarConfig PAPER = CrossbarConfig.paper();
    private static final PcmDeviceModel DEVICE = PcmDeviceModel.nandakumar2019();
    private static final int N = 128;
    /** CPU time per variant per round, ns: long enough to dwarf the timer, short enough for many rounds. */
    private static final long ROUND_NS = 40_000_000L;

    private record Slice(String name, ProgrammedCrossbar pc, int j) {
    }

    private record Variant(String name, Periphery periphery) {
    }

    private SliceReadBench() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param out where the table goes
     * @param rounds rounds of interleaved timings (after one warm-up round)
     * @return the exit code
     */
    static int run(PrintWriter out, int rounds) {
        int[] x = levels(N, PAPER.inputScale(), 2);
        List<Slice> slices = new ArrayList<>();
        ProgrammedCrossbar equal = program(SlicingScheme.of(SlicingAlgorithm.EQUAL_FILL, 1, 1), 1);
        slices.add(new Slice("Equal-fill n_W=1", equal, 0));
        ProgrammedCrossbar ec = program(SlicingScheme.of(SlicingAlgorithm.MAX_FILL_EC, 4, 1), 1);
        for (int j = 3; j >= 1; j--) {
            slices.add(new Slice("Max-fill EC n_W=4, slice " + j, ec, j));
        }
        List<Variant> variants = List.of(new Variant("ideal", Periphery.IDEAL),
                new Variant("ADC noise 1 LSB", Periphery.ADC_NOISE_ONE_LSB),
                new Variant("first order 0.35 ohm", Periphery.IR_DROP_AIHWKIT));
        double[][] modes = {{ReadTimes.T0, ReadTimes.MONTH}, ReadTimes.figure4c()};
        String[] modeNames = {"per read, t0 and one month (the periphery figure's reads)",
            "per read, 12 times from t0 to one year (Figure 4(c)'s reads)"};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        out.printf(Locale.ROOT, "slice reads of a %dx%d tile: thread CPU time per read, median [min-max] over %d "
                + "rounds after a warm-up; ratio to the ideal read of the same round%n", N, N, rounds);
        for (int m = 0; m < modes.length; m++) {
            double[] times = modes[m];
            out.printf(Locale.ROOT, "%n%s%n%-30s %8s  %-22s %-26s %-26s%n", modeNames[m], "SLICE", "DEVICES",
                    "IDEAL us", variants.get(1).name() + " (x ideal)", variants.get(2).name() + " (x ideal)");
            for (Slice s : slices) {
                double[][] perRead = new double[variants.size()][rounds];
                SliceReadProbe[] readers = new SliceReadProbe[variants.size()];
                for (int v = 0; v < variants.size(); v++) {
                    // Seed 3 keeps the converter mismatch the benchmark always drew; the read noise is its own.
                    readers[v] = new SliceReadProbe(PAPER, ReadNoiseSampling.AGGREGATED, s.pc(), s.j(), x, times,
                            variants.get(v).periphery(), 3);
                }
                int reads = calibrate(readers[0], mx);
                for (int r = -1; r < rounds; r++) {
                    for (int i = 0; i < variants.size(); i++) {
                        int v = (i + Math.max(r, 0)) % variants.size();
                        long t0 = mx.getCurrentThreadCpuTime();
                        for (int k = 0; k < reads; k++) {
                            readers[v].read();
                        }
                        double ns = (mx.getCurrentThreadCpuTime() - t0) / (double) reads / times.length;
                        if (r >= 0) {
                            perRead[v][r] = ns;
                        }
                    }
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s %8d  %-22s", s.name(),
                        s.pc().programmedDevices(s.j()), spread(perRead[0], 1e-3)));
                for (int v = 1; v < variants.size(); v++) {
                    double[] ratio = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratio[r] = perRead[v][r] / perRead[0][r];
                    }
                    line.append(String.format(Locale.ROOT, " %-26s", spread(ratio, 1)));
                }
                out.println(line);
                out.flush();
            }
        }
        return 0;
    }

    /** How many reads of the ideal variant take about {@link #ROUND_NS} of CPU. */
    private static int calibrate(SliceReadProbe ideal, ThreadMXBean mx) {
        for (int k = 0; k < 200; k++) {
            ideal.read();
        }
        long t0 = mx.getCurrentThreadCpuTime();
        int n = 0;
        while (mx.getCurrentThreadCpuTime() - t0 < ROUND_NS / 4) {
            ideal.read();
            n++;
        }
        return Math.max(20, 4 * n);
    }

    private static String spread(double[] v, double scale) {
        double[] s = v.clone();
        Arrays.sort(s);
        double med = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", med * scale, s[0] * scale, s[s.length - 1] * scale);
    }

    private static ProgrammedCrossbar program(SlicingScheme scheme, long seed) {
        return new CrossbarProgrammer(scheme, DEVICE).program(levels(N * N, PAPER.weightScale(), seed), N, N,
                new XoRoShiRo128PlusPlus(seed, 3));
    }

    /** Integer levels of N(0, scale²) clipped at ±255 (the paper's weights or inputs at their scale). */
    private static int[] levels(int n, double scale, long seed) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(seed, 7));
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = (int) Math.max(-255, Math.min(255, Math.rint(g.sample() * scale)));
        }
        return w;
    }
}
