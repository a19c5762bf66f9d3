package org.pcmsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pcmsim.Version;
import org.pcmsim.cli.figures.DnnFigureProducer;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.cli.figures.DnnRunner;
import org.pcmsim.cli.output.RunRecord;
import org.pcmsim.cli.progress.PhasedProgress;
import org.pcmsim.cli.progress.Progress;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.nn.analog.LayerConverters;
import org.pcmsim.nn.experiment.DnnPeripheryProvenance;
import org.pcmsim.nn.experiment.DnnProvenance;
import org.pcmsim.periphery.Periphery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code pcm run figure-5a|figure-5c|periphery-dnn}: the DNN figures (docs/dnn.md). The run options, the
 * data and training ({@link DnnArgs}), the chips, the noise scales and the chips' converters and
 * periphery; the work is in pcm-nn.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        footer = {"", "Examples:", "  pcm run figure-5a --dataset synthetic    # minutes; writes figure-5a-synthetic.*",
            "  pcm run figure-5a --dataset fashion-mnist --scale ci   # real data, minutes; figure-5a-fashion-mnist-ci.*",
            "  pcm run figure-5c --dataset cifar10 --data-dir ~/cifar-10-batches-bin",
            "  pcm run figure-5c --dataset fashion-mnist --scale ci --adc-noise 1   # 9/8-bit converters, ADC noise",
            "  pcm run periphery-dnn --dataset fashion-mnist --scale ci   # accuracy under five peripheries"})
final class DnnRunCommand extends FigureRun {
    @Mixin
    NoiseScaleOptions noise;

    @Mixin
    DnnArgs dnn;

    @Mixin
    PeripheryOptions periphery;

    @Option(names = "--converters", order = 49,
            description = "DNN: give every tile a 9-bit DAC (inputs clipped at 4 RMS) and an 8-bit ADC per column and "
                    + "slice, calibrated once per chip (docs/model.md §9); on whenever a periphery option is given. "
                    + "Without: the paper's DNN path, no converters.")
    boolean converters;

    private Integer chips;

    DnnRunCommand(String figure) {
        super(figure);
    }

    @Option(names = "--chips", order = 39, paramLabel = "N",
            description = "DNN: independently programmed chips per configuration and time (default: 100 at published "
                    + "scale, 10 at ci scale; on fashion-mnist 20 and 5, --chips 100 for the published count).")
    void setChips(int n) {
        chips = Checks.inRange(spec, "--chips", n, 1, 1_000_000);
    }

    @Override
    String kind() {
        return "the DNN figures (figure-5a, figure-5c, periphery-dnn)";
    }

    @Override
    Integer runFigure() {
        options.formats();
        DnnFigureProducer figureProducer = (DnnFigureProducer) registry().resolve(figure).orElseThrow().get(0);
        DnnRequest request = dnn.request(figure, options.out, options.seed, chips, noise.scales(), options.threads);
        PrintWriter err = spec.commandLine().getErr();
        LayerConverters chipConverters = chipConverters();
        figureProducer = figureProducer.configured(request, line -> {
            if (!options.quiet()) {
                err.println(figure + ": " + line);
                err.flush();
            }
        }, chipConverters);
        // Fail before computing, creating nothing, if the data are missing or the results could not be written.
        DnnRunner.checkData(request);
        checkWritable();
        String name = figureProducer.name();
        DnnRunner.checkFiles(request).ifPresent(line -> note(name + ": " + line));
        long evaluations = figureProducer.evaluations(request);
        PhasedProgress.Phase training = new PhasedProgress.Phase(name + " training", "steps");
        PhasedProgress.Phase chipPhase = new PhasedProgress.Phase(name + " chips", "evaluations");
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        FigureResult result;
        boolean terminal = terminal();
        try (Progress progress = new PhasedProgress(t -> t == evaluations ? chipPhase : training,
                (task, unit) -> Progress.start(task, unit, options.quiet(), terminal, System.err,
                        spec.commandLine().getErr()))) {
            result = figureProducer.produce(RunSettings.paper(figureProducer.defaultTrials()).withSeed(options.seed),
                    progress);
        }
        RunRecord.DnnRun extra = new RunRecord.DnnRun(request.dataset(), request.scale().id(),
                request.work().toString(), System.getenv("OMP_NUM_THREADS"), System.getenv("OMP_WAIT_POLICY"));
        List<Path> files;
        try (ResultFiles writer = new ResultFiles(options.out, "pcm-sim " + Version.get())) {
            files = await(write(writer, result, request.stem(name) + stemSuffix(chipConverters), started, t0,
                    extra));
        }
        report(name, files, System.nanoTime() - t0);
        if (!options.quiet()) {
            PrintWriter o = spec.commandLine().getOut();
            if (result.provenance() instanceof DnnProvenance prov) {
                o.printf(Locale.ROOT, "%s: model %s (%s); digital test accuracy %.2f %% on %s%n", name,
                        prov.network().modelFile(), prov.network().modelTrainedInThisRun()
                                ? String.format(Locale.ROOT, "trained in this run in %.0f s",
                                        prov.network().trainingSeconds())
                                : "reused", prov.baseline().digitalAccuracyPercent(), prov.data().dataset());
            } else if (result.provenance() instanceof DnnPeripheryProvenance prov) {
                o.printf(Locale.ROOT, "%s: model %s (reused); digital test accuracy %.2f %% on %s%n", name,
                        prov.modelFile(), prov.digitalAccuracyPercent(), prov.dataset());
            }
            o.flush();
        }
        return 0;
    }

    /** The chips' converters from {@code --converters} and the periphery options; refused for periphery-dnn. */
    private LayerConverters chipConverters() {
        Periphery p = periphery.periphery();
        if ("periphery-dnn".equals(figure)) {
            if (converters || !p.isIdeal()) {
                throw new ParameterException(spec.commandLine(), "Invalid option for periphery-dnn: "
                        + (converters ? "--converters" : "a periphery option (" + p.describe() + ")")
                        + " (the figure compares its own five settings)");
            }
            return LayerConverters.NONE;
        }
        return converters || !p.isIdeal() ? LayerConverters.paper(p) : LayerConverters.NONE;
    }

    /** Converters write beside the paper's figure, e.g. figure-5c-fashion-mnist-ci-converters-adc-noise1lsb. */
    private String stemSuffix(LayerConverters c) {
        return c.enabled() ? "-converters" + periphery.fileSuffix() : "";
    }
}
