package org.pcmsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pcmsim.Version;
import org.pcmsim.cli.figures.DnnFigureProducer;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.cli.figures.MvmFigureProducer;
import org.pcmsim.cli.output.AtomicOutput;
import org.pcmsim.cli.output.CsvResultWriter;
import org.pcmsim.cli.output.JsonResultWriter;
import org.pcmsim.cli.output.OutputFormat;
import org.pcmsim.cli.progress.PhasedProgress;
import org.pcmsim.cli.progress.Progress;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcm run <figure>}: runs a figure and writes {@code <figure>.png/.svg/.csv/.json} to the
 * output folder. The work is in pcm-core (MVM figures) or pcm-nn (DNN figures 5a, 5c) and in the
 * output and plot packages (files); this class only turns options into settings and reports.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Run a figure and write its plot, points and provenance.",
            "Writes <figure>.png and .svg (the plot), .csv (the points) and .json (the points with full provenance) "
                + "to the output folder, each written completely under a temporary name and then renamed.",
            "The DNN figures figure-5a and figure-5c (options marked 'DNN:') need --dataset; on synthetic data "
                + "they write <figure>-synthetic.*, on Fashion-MNIST <figure>-fashion-mnist.* (-ci at --scale ci). "
                + "Without --model they train a model first and save it in the output folder for reuse; each chip's "
                + "results are kept under --work, so an interrupted run resumes. 'all' runs the four MVM figures only."},
        footer = {"", "Examples:", "  pcm run figure-4a", "  pcm run all --out figures",
            "  pcm run bitnet --read-noise-norm slice-max   # writes bitnet-slice-max.*",
            "  pcm run figure-4c --trials 20 --format png,csv --out /tmp/quick",
            "  pcm run figure-4a --weights layer.npy     # your matrix, tiled; writes figure-4a-layer.*",
            "  pcm run weights                           # heavy-tailed weights: weights-time.*, weights-clip.*",
            "  pcm run figure-5a --dataset synthetic    # minutes; writes figure-5a-synthetic.*",
            "  pcm run figure-5a --dataset fashion-mnist --scale ci   # real data, minutes; figure-5a-fashion-mnist-ci.*",
            "  pcm run figure-5c --dataset cifar10 --data-dir ~/cifar-10-batches-bin"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Mixin
    DnnArgs dnn;

    @Mixin
    PeripheryOptions periphery;

    private Integer chips;

    private String figure;
    private Integer trials;
    private long seed = RunSettings.DEFAULT_SEED;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);
    private Integer slices;

    Path out;

    @Option(names = "--out", order = 5, paramLabel = "DIR", defaultValue = "figures",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    void setOut(String v) {
        out = Checks.path(spec, "--out", v);
    }

    @Parameters(index = "0", paramLabel = "<figure>", completionCandidates = FigureNames.class,
            description = "The figure to run: ${COMPLETION-CANDIDATES}.")
    void setFigure(String name) {
        if (parent.registry().resolve(name).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for parameter '<figure>': unknown figure '"
                    + name + "', expected one of " + String.join(", ", parent.registry().names()));
        }
        figure = name;
    }

    @Option(names = {"-n", "--trials"}, order = 1, paramLabel = "N",
            description = "Monte Carlo trials per point (default: the published count, see 'pcm list').")
    void setTrials(int n) {
        trials = Checks.inRange(spec, "--trials", n, 1, Integer.MAX_VALUE);
    }

    @Option(names = "--seed", order = 2, paramLabel = "S",
            description = "Root seed; one seed gives the same numbers on any machine and thread count "
                    + "(default: " + RunSettings.DEFAULT_SEED + ").")
    void setSeed(long s) {
        seed = s;
    }

    @Option(names = {"-j", "--threads"}, order = 3, paramLabel = "T", description = "Worker threads (default: all cores); "
            + "for the DNN figures, Java threads of the chip evaluations. The numbers do not depend on it.")
    void setThreads(int t) {
        threads = Checks.inRange(spec, "--threads", t, 1, 4096);
    }

    @Option(names = "--format", order = 6, paramLabel = "FMT", split = ",",
            description = "Files to write, any of png,svg,csv,json, comma separated (default: all four).")
    void setFormats(List<String> names) {
        Set<OutputFormat> set = EnumSet.noneOf(OutputFormat.class);
        for (String n : names) {
            try {
                set.add(OutputFormat.fromId(n));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': " + e.getMessage());
            }
        }
        formats = set;
    }

    /** {@code --format ,} leaves no format: a usage error, not a run that writes nothing. */
    private void checkFormats() {
        if (formats.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': it names no format "
                    + "(expected one or more of " + OutputFormat.choices() + ", comma separated)");
        }
    }

    @Option(names = "--slices", order = 7, paramLabel = "N",
            description = "BitNet only: n_W of the multi-slice series (default: 4, as published).")
    void setSlices(int n) {
        slices = Checks.inRange(spec, "--slices", n, 2, 8);
    }

    @Option(names = "--chips", order = 39, paramLabel = "N",
            description = "DNN: independently programmed chips per configuration and time (default: 100 at published "
                    + "scale, 10 at ci scale).")
    void setChips(int n) {
        chips = Checks.inRange(spec, "--chips", n, 1, 1_000_000);
    }

    /** Options only the Monte Carlo MVM figures use. */
    private static final List<String> MVM_ONLY = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("--trials", "--slices"), java.util.stream.Stream.concat(ModelOptions.MVM_ONLY.stream(),
                    PeripheryOptions.NAMES.stream())).toList();

    /** Options only the DNN figures use. */
    private static final List<String> DNN_ONLY = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("--chips"), DnnArgs.NAMES.stream()).toList();

    @Override
    public Integer call() {
        try {
            return run();
        } catch (OutOfMemoryError e) {
            throw MemoryCheck.outOfMemory(e);
        }
    }

    private Integer run() {
        checkFormats();
        List<FigureProducer> all = parent.registry().resolve(figure).orElseThrow();
        if (all.stream().anyMatch(p -> p instanceof DnnFigureProducer)) {
            return callDnn((DnnFigureProducer) all.get(0));
        }
        rejectMatched(DNN_ONLY, "applies to figure-5a and figure-5c only");
        return callMvm();
    }

    /** A usage error for the first of these options the user gave. */
    private void rejectMatched(List<String> options, String why) {
        for (String o : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new ParameterException(spec.commandLine(), "Invalid option '" + o + "' for " + figure + ": it "
                        + why);
            }
        }
    }

    private Integer callDnn(DnnFigureProducer figureProducer) {
        rejectMatched(MVM_ONLY, "applies to the Monte Carlo MVM figures only (the DNN figures take --chips, "
                + "--seed, --threads and the noise scales)");
        DnnRequest request = dnn.request(figure, out, seed, chips, model.noiseScales(), threads);
        java.io.PrintWriter err = spec.commandLine().getErr();
        figureProducer = figureProducer.configured(request, note -> {
            if (!common.quiet) {
                err.println(figure + ": " + note);
                err.flush();
            }
        });
        // Fail before computing, creating nothing, if the data are missing or the results could not be written.
        org.pcmsim.cli.figures.DnnRunner.checkData(request);
        try {
            AtomicOutput.checkWritable(out);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        String name = figureProducer.name();
        org.pcmsim.cli.figures.DnnRunner.checkFiles(request).ifPresent(note -> note(name + ": " + note));
        long evaluations = figureProducer.evaluations(request);
        PhasedProgress.Phase training = new PhasedProgress.Phase(name + " training", "steps");
        PhasedProgress.Phase chipPhase = new PhasedProgress.Phase(name + " chips", "evaluations");
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        FigureResult result;
        boolean terminal = parent.stderrIsTerminal();
        try (Progress progress = new PhasedProgress(t -> t == evaluations ? chipPhase : training, (task, unit) -> Progress.start(task, unit, common.quiet,
                terminal, System.err, spec.commandLine().getErr()))) {
            result = figureProducer.produce(RunSettings.paper(figureProducer.defaultTrials()).withSeed(seed), progress);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("dataset", request.dataset());
        extra.put("scale", request.scale().id());
        extra.put("workDir", request.work().toString());
        extra.put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"));
        extra.put("OMP_WAIT_POLICY", System.getenv("OMP_WAIT_POLICY"));
        List<Path> files;
        try (ResultFiles writer = new ResultFiles(out, "pcm-sim " + Version.get())) {
            files = await(write(writer, result, request.stem(name), started, t0, extra));
        }
        if (!common.quiet) {
            Map<String, Object> prov = result.provenance();
            java.io.PrintWriter o = spec.commandLine().getOut();
            o.printf("%s: wrote %s (%s)%n", name, files.stream().map(Path::toString).collect(Collectors.joining(", ")),
                    String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
            o.printf(java.util.Locale.ROOT, "%s: model %s (%s); digital test accuracy %.2f %% on %s%n", name,
                    prov.get("model_file"), Boolean.TRUE.equals(prov.get("model_trained_in_this_run"))
                            ? String.format(java.util.Locale.ROOT, "trained in this run in %.0f s",
                                    ((Number) prov.get("training_seconds")).doubleValue())
                            : "reused", ((Number) prov.get("digital_accuracy_percent")).doubleValue(),
                    prov.get("dataset"));
            o.flush();
        }
        return 0;
    }

    /** A line on stderr, beside the progress display, unless --quiet. */
    private void note(String line) {
        if (!common.quiet) {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        }
    }

    private Integer callMvm() {
        List<FigureProducer> producers = new ArrayList<>(parent.registry().resolve(figure).orElseThrow());
        if (slices != null) {
            if (producers.stream().noneMatch(p -> "bitnet".equals(p.name()))) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid value for option '--slices': " + slices + " (only the bitnet figure has a slice sweep)");
            }
            producers.replaceAll(p -> "bitnet".equals(p.name()) && p instanceof MvmFigureProducer m
                    ? m.withMultiSliceCount(slices) : p);
        }
        // Fail before computing, creating nothing, if the results could not be written.
        try {
            AtomicOutput.checkWritable(out);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        // Every figure of the run must fit in memory before the first one starts.
        for (FigureProducer p : producers) {
            if (p instanceof MvmFigureProducer m) {
                RunSettings settings = settings(p);
                MemoryCheck.check(p.name() + " at --crossbar-size " + settings.crossbar().size(),
                        org.pcmsim.experiment.ExperimentRunner.configurations(m.spec(), settings),
                        Math.min(settings.threads(), settings.trials()));
            }
        }
        try (ResultFiles writer = new ResultFiles(out, "pcm-sim " + Version.get())) {
            runMvm(producers, writer);
        }
        return 0;
    }

    /** Runs the figures in turn; each figure's files are written while the next one computes, reported in order. */
    private void runMvm(List<FigureProducer> producers, ResultFiles writer) {
        boolean terminal = parent.stderrIsTerminal();
        java.util.Deque<Runnable> reports = new java.util.ArrayDeque<>();
        java.util.Deque<java.util.concurrent.CompletableFuture<List<Path>>> pending = new java.util.ArrayDeque<>();
        try {
            for (FigureProducer p : producers) {
                RunSettings settings = settings(p);
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                FigureResult result;
                try (Progress progress = Progress.start(p.name(), common.quiet, terminal, System.err,
                        spec.commandLine().getErr())) {
                    result = p.produce(settings, progress);
                }
                java.util.concurrent.CompletableFuture<List<Path>> files = write(writer, result, stem(p), started, t0,
                        Map.of());
                java.util.concurrent.CompletableFuture<Long> doneAt = files.thenApply(f -> System.nanoTime());
                pending.add(files);
                reports.add(() -> report(p.name(), await(files), doneAt.join() - t0));
                while (!pending.isEmpty() && pending.peek().isDone()) {
                    pending.remove();
                    reports.remove().run();
                }
            }
            while (!pending.isEmpty()) {
                pending.remove();
                reports.remove().run();
            }
        } finally {
            // A later figure failed: the earlier figures' files are still finished (or fail on their own).
            pending.forEach(f -> f.handle((ok, e) -> null).join());
        }
    }

    private void report(String name, List<Path> files, long nanos) {
        if (!common.quiet) {
            spec.commandLine().getOut().printf("%s: wrote %s (%s)%n", name,
                    files.stream().map(Path::toString).collect(Collectors.joining(", ")),
                    String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9));
            spec.commandLine().getOut().flush();
        }
    }

    private RunSettings settings(FigureProducer p) {
        return periphery.apply(model.apply(RunSettings.paper(trials == null ? p.defaultTrials() : trials).withSeed(seed)
                .withThreads(threads)));
    }

    /**
     * The file name stem: the figure name, marked when the weights are not Gaussian and when the
     * conventions are not the physical default.
     */
    private String stem(FigureProducer p) {
        String name = p.name();
        // Another weight source writes beside the Gaussian figure rather than over it.
        String source = model.weightSource().id();
        if (!source.equals("gaussian") && !(p instanceof org.pcmsim.cli.figures.WeightsFigureProducer)) {
            name += "-" + source.replaceAll("\\.npy$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        }
        return name + model.fileSuffix() + periphery.fileSuffix();
    }

    /**
     * Starts writing a figure's files off this thread (see {@link ResultFiles}); {@link #await}
     * waits for them.
     */
    private java.util.concurrent.CompletableFuture<List<Path>> write(ResultFiles files, FigureResult result, String stem,
                                                                     Instant started, long t0, Map<String, Object> extra) {
        String command = commandLine();
        Map<OutputFormat, AtomicOutput.Content> data = new java.util.EnumMap<>(OutputFormat.class);
        data.put(OutputFormat.CSV, os -> CsvResultWriter.write(result, os));
        data.put(OutputFormat.JSON, os -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("command", command);
            run.put("tool", "pcm " + Version.get());
            run.put("java", System.getProperty("java.version"));
            run.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            run.put("started", started.toString());
            run.put("wallTimeS", Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
            run.put("formats", formats.stream().map(OutputFormat::id).toList());
            run.putAll(extra);
            JsonResultWriter.write(result, run, os);
        });
        return files.submit(stem, result, formats, data);
    }

    /** Waits for a figure's files; a failure becomes one line naming the folder. */
    private List<Path> await(java.util.concurrent.CompletableFuture<List<Path>> pending) {
        try {
            return pending.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            Throwable c = ResultFiles.cause(e);
            throw new CliFailure("cannot write results to '" + out + "': "
                    + (c instanceof IOException io ? CliFailure.describe(io) : c.toString()), c);
        }
    }


    /** The command as typed, for provenance: {@code pcm run figure-4a --trials 5}. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "pcm " + String.join(" ", args);
    }

    /** Completion candidates and help text for {@code <figure>}. */
    static final class FigureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PcmCommand.defaultRegistry().names().iterator();
        }
    }
}
