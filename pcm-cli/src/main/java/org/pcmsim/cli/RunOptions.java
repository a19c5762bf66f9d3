package org.pcmsim.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pcmsim.cli.output.OutputFormat;
import org.pcmsim.experiment.RunSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every {@code pcm run <figure>}: where, which files, which seed, how many threads. */
public final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** How much to say. */
    @Mixin
    CommonOptions common;

    Path out;
    long seed = RunSettings.DEFAULT_SEED;
    int threads = Runtime.getRuntime().availableProcessors();
    private Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);

    @Option(names = "--out", order = 5, paramLabel = "DIR", defaultValue = "figures",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    void setOut(String v) {
        out = Checks.path(spec, "--out", v);
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

    /**
     * @return the formats to write
     * @throws ParameterException if {@code --format ,} left none: a usage error, not a run that writes nothing
     */
    Set<OutputFormat> formats() {
        if (formats.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': it names no format "
                    + "(expected one or more of " + OutputFormat.choices() + ", comma separated)");
        }
        return formats;
    }

    /** @return whether to stay silent but for errors */
    boolean quiet() {
        return common.quiet;
    }
}
