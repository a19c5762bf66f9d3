package org.pcmsim.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pcmsim.Version;
import org.pcmsim.cli.daemon.DaemonSafe;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.cli.figures.MvmFigureProducer;
import org.pcmsim.cli.figures.WeightsFigureProducer;
import org.pcmsim.cli.progress.Progress;
import org.pcmsim.experiment.ExperimentRunner;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code pcm run <figure>} for the Monte Carlo MVM figures (4a, 4b, 4c, bitnet, weights, all):
 * the run options, the trial count and the model ({@link ModelOptions}); the work is in pcm-core.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        footer = {"", "Examples:", "  pcm run figure-4a", "  pcm run all --out figures",
            "  pcm run bitnet --read-noise-norm slice-max   # writes bitnet-slice-max.*",
            "  pcm run figure-4c --trials 20 --format png,csv --out /tmp/quick",
            "  pcm run figure-4a --weights layer.npy     # your matrix, tiled; writes figure-4a-layer.*"})
final class MvmRunCommand extends FigureRun implements DaemonSafe {
    @Mixin
    ModelOptions model;

    @Mixin
    PeripheryOptions periphery;

    private Integer trials;
    private Integer slices;

    MvmRunCommand(String figure) {
        super(figure);
    }

    @Option(names = {"-n", "--trials"}, order = 1, paramLabel = "N",
            description = "Monte Carlo trials per point (default: the published count, see 'pcm list').")
    void setTrials(int n) {
        trials = Checks.inRange(spec, "--trials", n, 1, Integer.MAX_VALUE);
    }

    @Option(names = "--slices", order = 7, paramLabel = "N",
            description = "BitNet only: n_W of the multi-slice series (default: 4, as published).")
    void setSlices(int n) {
        slices = Checks.inRange(spec, "--slices", n, 2, 8);
    }

    @Override
    String kind() {
        return "the Monte Carlo MVM figures";
    }

    @Override
    Integer runFigure() {
        options.formats();
        List<FigureProducer> producers = new ArrayList<>(registry().resolve(figure).orElseThrow());
        if (slices != null) {
            if (producers.stream().noneMatch(p -> "bitnet".equals(p.name()))) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid value for option '--slices': " + slices + " (only the bitnet figure has a slice sweep)");
            }
            producers.replaceAll(p -> "bitnet".equals(p.name()) && p instanceof MvmFigureProducer m
                    ? m.withMultiSliceCount(slices) : p);
        }
        checkWritable();
        // Every figure of the run must fit in memory before the first one starts.
        for (FigureProducer p : producers) {
            if (p instanceof MvmFigureProducer m) {
                RunSettings settings = settings(p);
                MemoryCheck.check(p.name() + " at --crossbar-size " + settings.crossbar().size(),
                        ExperimentRunner.configurations(m.spec(), settings),
                        Math.min(settings.threads(), settings.trials()));
            }
        }
        try (ResultFiles writer = new ResultFiles(options.out, "pcm-sim " + Version.get())) {
            runAll(producers, writer);
        }
        return 0;
    }

    /** Runs the figures in turn; each figure's files are written while the next one computes, reported in order. */
    private void runAll(List<FigureProducer> producers, ResultFiles writer) {
        Deque<Runnable> reports = new ArrayDeque<>();
        Deque<CompletableFuture<List<Path>>> pending = new ArrayDeque<>();
        try {
            for (FigureProducer p : producers) {
                RunSettings settings = settings(p);
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                FigureResult result;
                try (Progress progress = Progress.start(p.name(), "trials", options.quiet(), terminal(),
                        run.parent.terminalColumns(), System.err,
                        spec.commandLine().getErr())) {
                    result = p.produce(settings, progress);
                }
                CompletableFuture<List<Path>> files = write(writer, result, stem(p), started, t0, null);
                CompletableFuture<Long> doneAt = files.thenApply(f -> System.nanoTime());
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

    private RunSettings settings(FigureProducer p) {
        return periphery.apply(model.apply(RunSettings.paper(trials == null ? p.defaultTrials() : trials)
                .withSeed(options.seed).withThreads(options.threads)));
    }

    /**
     * The file name stem: the figure name, marked when the weights are not Gaussian and when the
     * conventions are not the physical default, and when the periphery is not ideal.
     */
    private String stem(FigureProducer p) {
        String name = p.name();
        // Another weight source writes beside the Gaussian figure rather than over it.
        String source = model.weightSource().id();
        if (!source.equals("gaussian") && !(p instanceof WeightsFigureProducer)) {
            name += "-" + source.replaceAll("\\.npy$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        }
        return name + model.fileSuffix() + periphery.fileSuffix();
    }
}
