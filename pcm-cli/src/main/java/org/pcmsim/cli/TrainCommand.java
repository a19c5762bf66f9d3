package org.pcmsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.cli.figures.DnnRunner;
import org.pcmsim.cli.progress.PhasedProgress;
import org.pcmsim.cli.progress.Progress;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcm train}: trains the DNN model that Figures 5(a) and 5(c) deploy (a digital baseline,
 * then noise-aware fine-tuning), saves it, and reports where and its digital test accuracy. A model
 * file that already exists is loaded and evaluated instead; an interrupted training resumes from
 * its checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train (or resume training) the ResNet that figure-5a and figure-5c deploy, and save it.",
            "A digital baseline, then noise-aware fine-tuning; a checkpoint after every epoch (under --work), so an "
                + "interrupted run resumes. Prints the model file and its digital test accuracy. If the model file "
                + "already exists it is loaded and evaluated, not retrained."},
        footer = {"", "Examples:", "  pcm train --dataset synthetic --scale ci",
            "  pcm train --dataset fashion-mnist     # reads /usr/share/datasets/fashion-mnist (dataset-fashion-mnist)",
            "  pcm train --dataset cifar10 --data-dir ~/cifar-10-batches-bin --out runs/cifar",
            "  pcm run figure-5a --dataset cifar10 --data-dir ~/cifar-10-batches-bin --out runs/cifar   # reuses it"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    DnnArgs dnn;

    Path out;

    @Option(names = "--out", order = 5, paramLabel = "DIR", defaultValue = "figures",
            description = "Folder of the default model file (default: ${DEFAULT-VALUE}, where 'pcm run' looks for it).")
    void setOut(String v) {
        out = Checks.path(spec, "--out", v);
    }

    @Option(names = "--seed", order = 2, paramLabel = "S",
            description = "Root seed of data, initialisation and training (default: " + RunSettings.DEFAULT_SEED + ").")
    long seed = RunSettings.DEFAULT_SEED;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-j", "--threads"}, order = 3, paramLabel = "T",
            description = "Java threads of the test-set evaluation (default: all cores; training itself runs on ND4J's "
                    + "OpenMP threads). The numbers do not depend on it.")
    void setThreads(int t) {
        threads = Checks.inRange(spec, "--threads", t, 1, 4096);
    }

    @Override
    public Integer call() {
        DnnRequest request = dnn.request("pcm train", out, seed, null, new double[] {1, 1, 1}, threads);
        DnnRunner.checkData(request);
        try {
            org.pcmsim.cli.output.AtomicOutput.checkWritable(out);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        DnnRunner.checkFiles(request).ifPresent(note -> {
            if (!common.quiet) {
                spec.commandLine().getErr().println("pcm train: " + note);
                spec.commandLine().getErr().flush();
            }
        });
        boolean terminal = parent.stderrIsTerminal();
        long t0 = System.nanoTime();
        DnnRunner.Trained m;
        try (Progress progress = new PhasedProgress(t -> new PhasedProgress.Phase("train", "steps"),
                (task, unit) -> Progress.start(task, unit, common.quiet, terminal, System.err,
                        spec.commandLine().getErr()))) {
            m = DnnRunner.train(DnnRunner.options(request), progress);
        }
        PrintWriter o = spec.commandLine().getOut();
        String data = request.synthetic() ? "synthetic CIFAR-format data (not CIFAR-10)"
                : request.fashionMnist() ? "Fashion-MNIST" : "CIFAR-10";
        o.printf(Locale.ROOT, "model: %s (%s)%n", m.file(), m.trainedNow()
                ? String.format(Locale.ROOT, "trained in %.0f s", m.trainingSeconds())
                : "already existed; loaded, not retrained");
        o.printf(Locale.ROOT, "digital test accuracy on %d %s test images: %.2f %% (weights clipped at 2 sigma_W, the "
                + "figures' baseline: %.2f %%)%n", m.testImages(), data, m.digitalAccuracy(), m.clippedAccuracy());
        o.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
        o.flush();
        return 0;
    }
}
