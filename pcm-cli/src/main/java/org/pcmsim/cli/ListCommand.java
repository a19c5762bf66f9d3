package org.pcmsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcmsim.cli.figures.DnnFigureProducer;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.cli.daemon.DaemonSafe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcm list}: every figure, what it shows, its published trial count and expected run time. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the figures 'pcm run' knows (or, with --devices, the device presets).",
            "For each: what it shows, its default (published) trial count, and a rough run time on this machine."})
public final class ListCommand implements Callable<Integer>, DaemonSafe {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--devices", description = "List the device presets that --device accepts instead of the figures.")
    boolean devices;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (devices) {
            out.printf("%-22s %s%n", "DEVICE", "WHAT IT IS");
            for (org.pcmsim.device.DevicePreset p : org.pcmsim.device.DevicePreset.values()) {
                out.printf("%-22s %s%n", p.id(), p.description());
            }
            out.printf("%nUse one with 'pcm run FIGURE --device NAME'; --programming-noise, --drift and --read-noise "
                    + "then scale its mechanisms.%n");
            out.flush();
            return 0;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // One name column for both tables, as wide as the longest name, so every row lines up.
        int width = "FIGURE".length();
        for (FigureProducer p : parent.registry().all()) {
            width = Math.max(width, p.name().length());
        }
        String mvmRow = "%-" + width + "s %7s  %-10s %s%n";
        String dnnRow = "%-" + width + "s %-8s %-9s %-10s %s%n";
        out.printf(mvmRow, "FIGURE", "TRIALS", "TIME", "WHAT IT SHOWS");
        List<DnnFigureProducer> dnn = new ArrayList<>();
        for (FigureProducer p : parent.registry().all()) {
            if (p instanceof DnnFigureProducer d) {
                dnn.add(d);
                continue;
            }
            Duration d = p.estimate(RunSettings.paper(p.defaultTrials()).withThreads(cores));
            out.printf(mvmRow, p.name(), Integer.toString(p.defaultTrials()), "~" + human(d), p.description());
        }
        List<String> inAll = parent.registry().all().stream().filter(FigureProducer::inAll).map(FigureProducer::name)
                .toList();
        out.printf("%nTimes are rough estimates for %d core%s; 'pcm run all' runs %s.%n", cores,
                cores == 1 ? "" : "s", String.join(", ", inAll));
        if (!dnn.isEmpty()) {
            out.printf("%nDNN figures (need --dataset; not part of 'pcm run all'):%n");
            out.printf(dnnRow, "FIGURE", "CHIPS", "CI SCALE", "PUBLISHED", "WHAT IT SHOWS");
            for (DnnFigureProducer p : dnn) {
                Duration ci = p.estimate(request("synthetic", DnnRequest.Scale.CI), true);
                Duration published = p.estimate(request("cifar10", DnnRequest.Scale.PUBLISHED), true);
                out.printf(dnnRow, p.name(), "10 / 100", "~" + human(ci), "~" + human(published),
                        p.description());
            }
            out.printf("%nCI scale (--scale ci, the default on --dataset synthetic): the reduced ResNet-8, 4 000 training "
                    + "and 1 000 test images, 8 + 2 epochs, 10 chips.%n"
                    + "Published scale: ResNet-32 on CIFAR-10 (50 000 / 10 000 images), 160 + 15 epochs, 100 chips. "
                    + "Both times include training the model (~%s at published scale),%n"
                    + "which the second figure reuses. Measured on 2 cores with one OpenMP thread "
                    + "(OMP_NUM_THREADS=1, as ./pcm sets it) and an evaluation thread per core (--threads).%n",
                    human(dnn.get(0).estimate(request("cifar10", DnnRequest.Scale.PUBLISHED), true)
                            .minus(dnn.get(0).estimate(request("cifar10", DnnRequest.Scale.PUBLISHED), false))));
        }
        out.flush();
        return 0;
    }

    private static DnnRequest request(String dataset, DnnRequest.Scale scale) {
        return new DnnRequest(dataset, dataset.equals("cifar10") ? Path.of("cifar-10-batches-bin") : null, null,
                Path.of("figures"), Path.of("work"), scale, null, null, null, null, null, null,
                RunSettings.DEFAULT_SEED, 1, 1, Runtime.getRuntime().availableProcessors());
    }

    private static String human(Duration d) {
        long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return Math.round(s / 60.0) + " min";
        }
        return s < 48 * 3600 ? Math.round(s / 3600.0) + " h" : Math.round(s / 86400.0) + " days";
    }
}
