package org.pcmsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.pcmsim.nn.experiment.DnnBenchSession;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.training.TrainingThreads;

/**
 * {@code pcm bench --dnn NETWORK --vs-pytorch}: the same network in pcm-sim (DL4J + oneDNN) and in
 * PyTorch (a Python process running {@code pytorch_resnet.py}), measured in interleaved rounds (the
 * order of the two alternates) so that both see the same load, then the medians side by side with
 * their ratio. PyTorch has no analog inference; pcm-sim's analog row is compared with PyTorch's
 * digital inference. Without a Python that imports torch, one line says so and pcm-sim's half runs.
 */
final class DnnVsPytorch {
    /** PyTorch's inference batch sizes; its best is reported. */
    private static final int[] INFER_BATCHES = {64, 128, 256, 500};

    private DnnVsPytorch() {
    }

    /**
     * @param out where the table goes
     * @param spec the network
     * @param channels input channels
     * @param side input side
     * @param threads threads of each side (pcm-sim's evaluation threads and FASTEST training; PyTorch's intra-op threads)
     * @param repeats timed rounds
     * @param pythons Python commands to try for PyTorch, in order
     * @return the exit code
     */
    static int run(PrintWriter out, ResNetSpec spec, int channels, int side, int threads, int repeats,
                   List<String> pythons) {
        PytorchProcess torch = null;
        try {
            torch = PytorchProcess.start(pythons, spec, channels, side, threads, DnnBenchSession.STEPS);
        } catch (PytorchProcess.Unavailable e) {
            out.println(e.getMessage());
            out.flush();
        }
        try (DnnBenchSession ours = new DnnBenchSession(spec, threads, channels, side)) {
            List<DnnBenchSession.Round> rounds = new ArrayList<>();
            List<JsonNode> theirs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                // Alternate who goes first, so a trend in the load favours neither.
                if (torch != null && r % 2 == 1) {
                    theirs.add(torch.round());
                }
                rounds.add(ours.round());
                if (torch != null && r % 2 == 0) {
                    theirs.add(torch.round());
                }
            }
            print(out, spec, channels, side, threads, repeats, torch == null ? null : torch.ready(), rounds, theirs);
        } finally {
            if (torch != null) {
                torch.close();
            }
        }
        return 0;
    }

    private static String envOrDefault(String name) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? "(glibc default)" : v;
    }

    private static void print(PrintWriter out, ResNetSpec spec, int channels, int side, int threads, int repeats,
                              JsonNode ready, List<DnnBenchSession.Round> ours, List<JsonNode> theirs) {
        out.printf(Locale.ROOT, "%s on %d x %d x %d inputs, float32, %d threads a side; %d interleaved rounds after a "
                + "warm-up, medians; wall time (process CPU time)%n", spec.name(), channels, side, side, threads, repeats);
        String isa = System.getenv().getOrDefault("DNNL_MAX_CPU_ISA", "(the CPU's best)");
        out.printf(Locale.ROOT, "pcm-sim: DL4J 1.0.0-M2.1 + oneDNN, OMP_NUM_THREADS=%s, DNNL_MAX_CPU_ISA=%s; PyTorch: %s "
                + "(its full instruction set)%n", System.getenv("OMP_NUM_THREADS"), isa,
                ready == null ? "not run" : ready.path("torch").asText() + " ("
                + ready.path("python").asText() + ", " + ready.path("threads").asInt() + " threads)");
        // glibc's allocator settings change both sides' speed (docs/performance.md); PyTorch inherits them.
        out.printf(Locale.ROOT, "malloc (both): MALLOC_MMAP_THRESHOLD_=%s MALLOC_TRIM_THRESHOLD_=%s MALLOC_TOP_PAD_=%s%n",
                envOrDefault("MALLOC_MMAP_THRESHOLD_"), envOrDefault("MALLOC_TRIM_THRESHOLD_"),
                envOrDefault("MALLOC_TOP_PAD_"));
        out.printf(Locale.ROOT, "%-62s %18s %18s %8s %9s%n", "", "PCM-SIM", "PYTORCH", "RATIO", "CPU RATIO");
        int[] batches = DnnBenchSession.TRAIN_BATCHES;
        for (int b = 0; b < batches.length; b++) {
            final int i = b;
            String key = "train" + batches[b];
            double[] torchStep = medianOrNull(theirs, key);
            row(out, String.format(Locale.ROOT, "training step, batch %d, %s", batches[b],
                    TrainingThreads.REPRODUCIBLE.id()), median(ours, r -> r.trainReproducible()[i]), torchStep);
            row(out, String.format(Locale.ROOT, "training step, batch %d, %s (%d threads)", batches[b],
                    TrainingThreads.FASTEST.id(), TrainingThreads.FASTEST.threads()),
                    median(ours, r -> r.trainFastest()[i]), torchStep);
            row(out, String.format(Locale.ROOT, "training step, batch %d, %s (%d x 1 thread)", batches[b],
                    TrainingThreads.REPLICAS.id(), TrainingThreads.REPLICAS.replicas()),
                    median(ours, r -> r.trainReplicas()[i]), torchStep);
        }
        // The floor under a step: its convolutions alone, which DL4J's layers cannot route around.
        for (int b = 0; b < batches.length; b++) {
            final int i = b;
            double[] torchConv = medianOrNull(theirs, "conv" + batches[b]);
            row(out, String.format(Locale.ROOT, "  its convolutions alone, fwd + bwd, batch %d, 1 thread", batches[b]),
                    median(ours, r -> r.convReproducible()[i]), torchConv);
            row(out, String.format(Locale.ROOT, "  its convolutions alone, fwd + bwd, batch %d, %d threads", batches[b],
                    TrainingThreads.FASTEST.threads()), median(ours, r -> r.convFastest()[i]), torchConv);
        }
        double[] best = null;
        int bestBatch = 0;
        for (int b : INFER_BATCHES) {
            if (!theirs.isEmpty()) {
                double[] t = median(theirs, "infer" + b);
                if (best == null || t[0] < best[0]) {
                    best = t;
                    bestBatch = b;
                }
            }
        }
        String against = best == null ? "" : String.format(Locale.ROOT, " (PyTorch at batch %d)", bestBatch);
        row(out, "digital inference, s / 1000 images" + against, median(ours, DnnBenchSession.Round::digitalPer1000),
                best);
        row(out, "analog inference, s / 1000 images, reads incl.", median(ours, DnnBenchSession.Round::analogPer1000),
                best);
        row(out, "  its convolutions alone, fwd, s / 1000 images (batch 500)",
                median(ours, DnnBenchSession.Round::convPer1000), medianOrNull(theirs, "convinfer"));
        if (best != null) {
            StringBuilder all = new StringBuilder("PyTorch inference per 1000 images by batch size:");
            for (int b : INFER_BATCHES) {
                double[] t = median(theirs, "infer" + b);
                all.append(String.format(Locale.ROOT, " %d: %.2f s (%.2f)", b, t[0], t[1]));
            }
            out.println(all);
            out.println("convolutions alone: every convolution of the network forward, then backward (input and weight "
                    + "gradients), on random arrays; pcm-sim through libnd4j's conv2d/conv2d_bp (oneDNN), PyTorch through "
                    + "F.conv2d and autograd; the PyTorch column is on its " + ready.path("threads").asInt() + " threads");
            out.println("pcm-sim inference: chunks of 500 images, one chip read per chunk (Max-fill b1 n_W = 8, one "
                    + "day); PyTorch has no analog mode, so the analog row is compared with its digital inference");
        }
        out.flush();
    }

    private static void row(PrintWriter out, String what, double[] ours, double[] theirs) {
        if (Double.isNaN(ours[0])) {
            // DnnBenchSession skips the reproducible mode when libnd4j was loaded on more than one thread.
            out.printf(Locale.ROOT, "%-62s not measured: needs OMP_NUM_THREADS=1 at start-up%n", what);
        } else if (theirs == null) {
            out.printf(Locale.ROOT, "%-62s %9.3f s (%5.2f) %18s%n", what, ours[0], ours[1], "-");
        } else {
            out.printf(Locale.ROOT, "%-62s %9.3f s (%5.2f) %9.3f s (%5.2f) %7.2fx %8.2fx%n", what, ours[0], ours[1],
                    theirs[0], theirs[1], ours[0] / theirs[0], ours[1] / theirs[1]);
        }
    }

    private static double[] median(List<DnnBenchSession.Round> rounds,
                                   java.util.function.Function<DnnBenchSession.Round, DnnBenchSession.Time> f) {
        double[] w = new double[rounds.size()];
        double[] c = new double[rounds.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = f.apply(rounds.get(i)).wall();
            c[i] = f.apply(rounds.get(i)).cpu();
        }
        return new double[] {WholeCommandBench.median(w), WholeCommandBench.median(c)};
    }

    /** @return the medians of PyTorch's rounds for {@code key}, or null when PyTorch did not run */
    private static double[] medianOrNull(List<JsonNode> rounds, String key) {
        return rounds.isEmpty() ? null : median(rounds, key);
    }

    private static double[] median(List<JsonNode> rounds, String key) {
        double[] w = new double[rounds.size()];
        double[] c = new double[rounds.size()];
        for (int i = 0; i < w.length; i++) {
            Iterator<JsonNode> v = rounds.get(i).path(key).elements();
            w[i] = v.next().asDouble();
            c[i] = v.next().asDouble();
        }
        return new double[] {WholeCommandBench.median(w), WholeCommandBench.median(c)};
    }
}
