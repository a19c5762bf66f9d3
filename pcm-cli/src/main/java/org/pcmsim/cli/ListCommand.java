package org.pcmsim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcm list}: every figure, what it shows, its published trial count and expected run time. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List the figures 'pcm run' knows.",
            "For each: what it shows, its default (published) trial count, and a rough run time on this machine."})
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("%-11s %7s  %-10s %s%n", "FIGURE", "TRIALS", "TIME", "WHAT IT SHOWS");
        for (FigureProducer p : parent.registry().all()) {
            Duration d = p.estimate(RunSettings.paper(p.defaultTrials()).withThreads(cores));
            out.printf("%-11s %7d  %-10s %s%n", p.name(), p.defaultTrials(), "~" + human(d), p.description());
        }
        out.printf("%nTimes are rough estimates for %d core%s; 'pcm run all' runs every figure above.%n", cores,
                cores == 1 ? "" : "s");
        out.flush();
        return 0;
    }

    private static String human(Duration d) {
        long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
        return s < 120 ? s + " s" : Math.round(s / 60.0) + " min";
    }
}
