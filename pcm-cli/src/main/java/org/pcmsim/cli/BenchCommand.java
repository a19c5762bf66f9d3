package org.pcmsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.cli.figures.FigureRegistry;
import org.pcmsim.cli.figures.MvmFigureProducer;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.experiment.ConvolutionReference;
import org.pcmsim.nn.experiment.DnnBenchmark;
import org.pcmsim.nn.model.ResNetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcm bench}: how fast the Monte Carlo engine runs each MVM figure's sweep, without plotting
 * or writing files. One warm-up run (so the JIT has compiled the hot loops), then the median of
 * several timed runs. With {@code --whole}, also the whole {@code pcm run} in a fresh JVM and through
 * a warm daemon ({@link DaemonBench}); with
 * {@code --vs-published}, also the published Python engine's sweep and script, in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Time the Monte Carlo engine on the MVM figures; writes nothing.",
            "Per figure: wall time (median of several runs after a warm-up), trials/s, device reads/s and the floor "
                + "set by the standard normals the run must draw.",
            "With --whole: also 'pcm run <figure>' (all four formats) and 'pcm run all' in a new JVM and through a "
                + "warm daemon ('pcm daemon'), against the warm engine (target: whole <= 2x engine). With --vs-published DIR: also the published Python engine "
                + "(a checkout of lciric/pcm-bitslicing; NumPy, joblib, matplotlib), its sweep and its whole script "
                + "once per figure, and the speed-ups.",
            "With --dnn: the DNN pipeline's training step and inference instead (targets: step <= 2.5 s, "
                + "inference <= 5 s per 1000 images, analog <= 1.25x digital); with --vs-pytorch, side by side with "
                + "the same network in PyTorch."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    @Mixin
    ModelOptions model;

    @Mixin
    PeripheryOptions periphery;

    private List<String> figures = new ArrayList<>();
    private int repeats = 3;
    private Integer trials;
    private int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "0..*", paramLabel = "<figure>", description = "Figures to time (default: all MVM figures).")
    void setFigures(List<String> names) {
        for (String n : names) {
            if (parent.registry().resolve(n).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Invalid value for parameter '<figure>': unknown figure '"
                        + n + "', expected one of " + String.join(", ", parent.registry().names()));
            }
            if (parent.registry().resolve(n).orElseThrow().stream().anyMatch(p -> !(p instanceof MvmFigureProducer))) {
                throw new ParameterException(spec.commandLine(), "Invalid value for parameter '<figure>': '" + n
                        + "' is a DNN figure; pcm bench times the Monte Carlo MVM figures only");
            }
        }
        figures = names;
    }

    @Option(names = {"-r", "--repeats"}, order = 1, paramLabel = "R", description = "Timed runs per figure (default: 3).")
    void setRepeats(int r) {
        repeats = Checks.inRange(spec, "--repeats", r, 1, 100);
    }

    @Option(names = {"-n", "--trials"}, order = 2, paramLabel = "N",
            description = "Trials per point (default: the published count).")
    void setTrials(int n) {
        trials = Checks.inRange(spec, "--trials", n, 1, Integer.MAX_VALUE);
    }

    @Option(names = {"-j", "--threads"}, order = 3, paramLabel = "T", description = "Worker threads (default: all cores).")
    void setThreads(int t) {
        threads = Checks.inRange(spec, "--threads", t, 1, 4096);
    }

    private ResNetSpec dnn;

    @Option(names = "--whole", order = 5, description = "Also time the whole command, 'pcm run <figure>' with all "
            + "four formats and 'pcm run all', each in a new JVM and through a warm daemon (median of --repeats), "
            + "against the warm engine.")
    boolean whole;

    @Option(names = "--vs-published", order = 6, paramLabel = "DIR", description = "Also run the published Python "
            + "engine's script of each figure from this checkout of lciric/pcm-bitslicing (once each: minutes) and "
            + "report our speed-up on the sweep and on the whole command. Implies --whole.")
    Path published;

    @Option(names = "--python", order = 7, paramLabel = "CMD", defaultValue = "python3",
            description = "The Python for --vs-published, with numpy, joblib and matplotlib, and for --vs-pytorch, with "
                    + "torch (default: ${DEFAULT-VALUE}; for --vs-pytorch then /usr/bin/python3).")
    String python;

    @Option(names = "--dnn", order = 4, paramLabel = "NETWORK",
            description = {"Time the DNN pipeline instead of the MVM figures, on resnet32, resnet20, resnet14, "
                + "resnet8 or resnet8-ci: a 64-image training step, digital and analog inference on 1 and on "
                + "--threads evaluation threads (medians of --repeats), and libnd4j's conv2d alone on the "
                + "network's convolutions."})
    void setDnn(String name) {
        try {
            dnn = ResNetSpec.byName(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--dnn': " + e.getMessage());
        }
    }

    @Option(names = "--vs-pytorch", order = 6, description = "With --dnn: also run the same network in PyTorch "
            + "(Debian's python3-torch; --python, else python3 or /usr/bin/python3) in interleaved rounds and print "
            + "both and the ratio: training step (batch 64, 128), digital and analog inference per 1000 images, "
            + "and under each the network's convolutions alone (the floor under it).")
    boolean vsPytorch;

    @Option(names = "--slice-reads", order = 8, description = "Time one slice read of a 128x128 tile through the "
            + "ideal periphery, ADC noise and first-order IR drop instead of the figures: CPU time per read and the "
            + "ratio to the ideal read, --repeats interleaved rounds.")
    boolean sliceReads;

    private int[] dnnInput = {3, 32};

    @Option(names = "--dnn-input", order = 5, paramLabel = "cifar10|fashion-mnist",
            description = "With --dnn: the input shape, CIFAR-10's 3 x 32 x 32 (default) or Fashion-MNIST's 1 x 28 x 28.")
    void setDnnInput(String v) {
        dnnInput = switch (v.toLowerCase(Locale.ROOT)) {
            case "cifar10" -> new int[] {3, 32};
            case "fashion-mnist" -> new int[] {1, 28};
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--dnn-input': '" + v + "', expected cifar10 or fashion-mnist");
        };
    }

    @Override
    public Integer call() {
        if (sliceReads) {
            if (dnn != null || !figures.isEmpty() || trials != null || whole || published != null) {
                throw new ParameterException(spec.commandLine(),
                        "--slice-reads times single slice reads; it takes no figures, --trials, --dnn, --whole or "
                                + "--vs-published");
            }
            return SliceReadBench.run(spec.commandLine().getOut(), repeats);
        }
        if (dnn != null) {
            if (!figures.isEmpty() || trials != null) {
                throw new ParameterException(spec.commandLine(),
                        "--dnn times the DNN pipeline; it takes no MVM figures and no --trials");
            }
            if (vsPytorch) {
                List<String> pythons = spec.commandLine().getParseResult().hasMatchedOption("--python") ? List.of(python)
                        : List.of(python, PytorchProcess.SYSTEM_PYTHON);
                return DnnVsPytorch.run(spec.commandLine().getOut(), dnn, dnnInput[0], dnnInput[1], threads, repeats,
                        pythons);
            }
            return benchDnn(spec.commandLine().getOut());
        }
        if (vsPytorch) {
            throw new ParameterException(spec.commandLine(), "--vs-pytorch compares a DNN; use it with --dnn NETWORK");
        }
        if (published != null && trials != null) {
            throw new ParameterException(spec.commandLine(),
                    "--vs-published compares the published trial counts; it takes no --trials");
        }
        List<MvmFigureProducer> producers = new ArrayList<>();
        for (String name : figures.isEmpty() ? List.of(FigureRegistry.ALL) : figures) {
            for (FigureProducer p : parent.registry().resolve(name).orElseThrow()) {
                if (p instanceof MvmFigureProducer m && !producers.contains(m)) {
                    producers.add(m);
                }
            }
        }
        for (MvmFigureProducer p : producers) {
            checkMemory(p, settings(p));
        }
        if (published != null) {
            WholeCommandBench.checkPublished(published, python,
                    producers.stream().map(MvmFigureProducer::name).toList());
        }
        PrintWriter out = spec.commandLine().getOut();
        double normalsPerSecond = NormalFloor.normalsPerSecond(threads);
        out.printf(Locale.ROOT, "%d threads, %d timed run%s per figure after one warm-up; median wall time%n", threads,
                repeats, repeats == 1 ? "" : "s");
        out.printf(Locale.ROOT, "floor: the figure's standard normals at %.0f M/s (the ziggurat sampler on %d threads, "
                + "measured now)%n", normalsPerSecond / 1e6, threads);
        out.printf(Locale.ROOT, "%-10s %7s %9s %11s %14s %9s %8s%n", "FIGURE", "TRIALS", "WALL", "TRIALS/S",
                "DEV READS/S", "FLOOR", "xFLOOR");
        out.flush();
        Map<String, Double> engine = new java.util.LinkedHashMap<>();
        for (MvmFigureProducer p : producers) {
            RunSettings settings = settings(p);
            p.produce(settings, ProgressListener.NONE);
            double[] wall = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                p.produce(settings, ProgressListener.NONE);
                wall[i] = (System.nanoTime() - t0) / 1e9;
            }
            double median = WholeCommandBench.median(wall);
            engine.put(p.name(), median);
            MvmFigureProducer.Workload w = p.workload(settings);
            double floor = w.normals() / normalsPerSecond;
            out.printf(Locale.ROOT, "%-10s %7d %8.3fs %11.0f %14.3g %8.3fs %8.2f%n", p.name(), settings.trials(),
                    median, w.trials() / median, w.deviceReads() / median, floor, median / floor);
            out.flush();
        }
        if (whole || published != null) {
            benchWhole(out, engine);
        }
        return 0;
    }

    /**
     * The whole command per figure in a new JVM and through a warm daemon, against the warm engine; with
     * {@code --vs-published},
     * the published scripts beside it.
     */
    private void benchWhole(PrintWriter out, Map<String, Double> engine) {
        List<String> options = new ArrayList<>(List.of("--threads", Integer.toString(threads)));
        if (trials != null) {
            options.addAll(List.of("--trials", Integer.toString(trials)));
        }
        options.addAll(modelArgs());
        out.printf(Locale.ROOT, "%nwhole command: 'pcm run <figure>' with png,svg,csv,json in a new JVM (this JVM's "
                + "options), median of %d; daemon: the same through a warm daemon (warmed by its own warm-up and one "
                + "untimed run of each command, as the engine is by one run of its figure), the client's whole "
                + "process%s%n", repeats, published == null ? ""
                : "; published: its script once, sweep = first output line to its 'Total:' line");
        out.printf(Locale.ROOT, "%-10s %9s %9s %13s %6s %9s %13s %6s", "FIGURE", "ENGINE", "WHOLE", "WHOLE/ENGINE", "<=2x",
                "DAEMON", "DAEMON/ENGINE", "<=2x");
        if (published != null) {
            out.printf(Locale.ROOT, " %10s %10s %12s %12s", "PUB SWEEP", "PUB WHOLE", "SWEEP RATIO", "WHOLE RATIO");
        }
        out.println();
        out.flush();
        double pubSweep = 0;
        double pubWhole = 0;
        double engineAll = 0;
        List<String> warmUp = new ArrayList<>(List.of("run", engine.keySet().iterator().next()));
        warmUp.addAll(options);
        try (DaemonBench daemon = DaemonBench.start(warmUp)) {
            for (Map.Entry<String, Double> e : engine.entrySet()) {
                List<String> args = new ArrayList<>(List.of("run", e.getKey()));
                args.addAll(options);
                double w = medianOf(() -> WholeCommandBench.timeOurs(args));
                daemon.time(args);
                double d = medianOf(() -> daemon.time(args));
                engineAll += e.getValue();
                out.printf(Locale.ROOT, "%-10s %8.2fs %8.2fs %13.2f %6s %8.2fs %13.2f %6s", e.getKey(), e.getValue(), w,
                        w / e.getValue(), w <= 2 * e.getValue() ? "met" : "no", d, d / e.getValue(),
                        d <= 2 * e.getValue() ? "met" : "no");
                if (published != null) {
                    WholeCommandBench.Published pub = WholeCommandBench.timePublished(published, python, e.getKey());
                    pubSweep += pub.sweepSeconds();
                    pubWhole += pub.wholeSeconds();
                    out.printf(Locale.ROOT, " %9.1fs %9.1fs %11.0fx %11.0fx", pub.sweepSeconds(), pub.wholeSeconds(),
                            pub.sweepSeconds() / e.getValue(), pub.wholeSeconds() / w);
                }
                out.println();
                out.flush();
            }
            if (engine.size() == FigureRegistry.standard().resolve(FigureRegistry.ALL).orElseThrow().size()) {
                List<String> args = new ArrayList<>(List.of("run", FigureRegistry.ALL));
                args.addAll(options);
                double w = medianOf(() -> WholeCommandBench.timeOurs(args));
                daemon.time(args);
                double d = medianOf(() -> daemon.time(args));
                out.printf(Locale.ROOT, "%-10s %8.2fs %8.2fs %13.2f %6s %8.2fs %13.2f %6s", FigureRegistry.ALL, engineAll,
                        w, w / engineAll, w <= 7 ? "<=7s" : ">7s", d, d / engineAll, d <= 7 ? "<=7s" : ">7s");
                if (published != null) {
                    out.printf(Locale.ROOT, " %9.1fs %9.1fs %11.0fx %11.0fx", pubSweep, pubWhole, pubSweep / engineAll,
                            pubWhole / w);
                }
                out.println();
                out.flush();
            }
        }
    }

    /** The median of {@link #repeats} timings. */
    private double medianOf(java.util.function.DoubleSupplier timing) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            t[i] = timing.getAsDouble();
        }
        return WholeCommandBench.median(t);
    }

    /** The model options as typed, for the whole-command runs. */
    private List<String> modelArgs() {
        Map<String, Boolean> takesValue = new java.util.HashMap<>();
        for (picocli.CommandLine.Model.OptionSpec o : spec.mixins().get("model").options()) {
            for (String n : o.names()) {
                takesValue.put(n, o.arity().max() > 0 && !o.negatable());
                if (o.negatable()) {
                    takesValue.put("--no-" + n.substring(2), false);
                }
            }
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (takesValue.containsKey(name)) {
                kept.add(a);
                if (takesValue.get(name) && !a.contains("=") && i + 1 < args.size()) {
                    kept.add(args.get(++i));
                }
            }
        }
        return kept;
    }

    private RunSettings settings(MvmFigureProducer p) {
        return periphery.apply(model.apply(RunSettings.paper(trials == null ? p.defaultTrials() : trials)
                .withSeed(RunSettings.DEFAULT_SEED).withThreads(threads)));
    }

    /**
     * Refuses, before any work, a trial count whose per-trial results do not fit in the heap (or in
     * one Java array), with the memory it would need and how to get it.
     */
    static void checkMemory(MvmFigureProducer p, RunSettings settings) {
        long need = p.resultBytes(settings);
        long max = Runtime.getRuntime().maxMemory();
        // Half the heap: the engine's buffers, the JIT and the plotting need the rest.
        if (settings.trials() > Integer.MAX_VALUE - 8 || need > max / 2) {
            throw new CliFailure(String.format(Locale.ROOT, "--trials %d: %s keeps every trial's result, about %s "
                    + "of heap, more than half of the %s this JVM may use; use fewer trials (about %d fit) or raise "
                    + "the heap (e.g. PCM_JAVA_OPTS=-Xmx%dg)", settings.trials(), p.name(), size(need), size(max),
                    Math.max(1, (long) ((double) settings.trials() * (max / 2) / need)),
                    Math.max(2, (need * 2 + (1L << 30) - 1) >> 30)), null);
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }

    private int benchDnn(PrintWriter out) {
        DnnBenchmark.Result r = DnnBenchmark.run(dnn, repeats, threads, dnnInput[0], dnnInput[1]);
        out.printf(Locale.ROOT, "%s on %d x %d x %d inputs, OMP_NUM_THREADS=%s, oneDNN helpers %s, medians of %d%n",
                r.network(), dnnInput[0], dnnInput[1], dnnInput[1], System.getenv("OMP_NUM_THREADS"),
                r.onednnHelpers() ? "on" : "off", repeats);
        out.printf(Locale.ROOT, "training step (64 images): %.2f s%n", r.trainStepSeconds());
        double[] cpu = r.cpuSecondsPer1000();
        out.printf(Locale.ROOT, "inference, 1 thread:  digital %.2f s / 1000 images (CPU %.2f s), analog %.2f s "
                + "(CPU %.2f s), analog/digital %.2f%n", r.digitalInferSecondsPer1000(), cpu[0],
                r.analogInferSecondsPer1000(), cpu[1], r.analogOverhead());
        out.printf(Locale.ROOT, "inference, %d threads: digital %.2f s / 1000 images (CPU %.2f s), analog %.2f s "
                + "(CPU %.2f s), analog/digital %.2f%n", r.threads(), r.digitalParallelSecondsPer1000(), cpu[2],
                r.analogParallelSecondsPer1000(), cpu[3], r.analogParallelOverhead());
        // The yardstick of the inference rate: the same convolutions through libnd4j alone, on this thread.
        long macs = dnn.multiplyAccumulates(dnnInput[0], dnnInput[1]);
        ConvolutionReference.Result conv = ConvolutionReference.measure(dnn, dnnInput[0], dnnInput[1], 500, repeats);
        out.printf(Locale.ROOT, "%.1f M multiply-accumulates per image: digital inference on 1 thread %.1f GFLOP/s; "
                + "libnd4j conv2d alone on the network's %d convolutions (batch 500, this thread) %.2f s / 1000 images, "
                + "%.1f GFLOP/s%n", macs / 1e6, 2.0 * macs * 1000 / r.digitalInferSecondsPer1000() / 1e9,
                dnn.convolutions(dnnInput[0], dnnInput[1]).size(), conv.secondsPer1000(), conv.gflops());
        out.flush();
        return 0;
    }
}
