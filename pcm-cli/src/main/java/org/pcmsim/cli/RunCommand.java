package org.pcmsim.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pcmsim.cli.figures.DnnFigureProducer;
import org.pcmsim.cli.figures.FigureProducer;
import org.pcmsim.cli.figures.FigureRegistry;
import org.pcmsim.cli.daemon.DaemonSafe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code pcm run <figure>}: one subcommand per figure of the registry ({@link #addFigures}), an
 * {@link MvmRunCommand} for the Monte Carlo MVM figures and a {@link DnnRunCommand} for the DNN
 * figures, so that picocli itself accepts each figure's options and refuses the others. This class
 * only names an unknown figure and explains an option given to the wrong kind of figure.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, synopsisSubcommandLabel = "<figure>",
        description = {"Run a figure and write its plot, points and provenance.",
            "Writes <figure>.png and .svg (the plot), .csv (the points) and .json (the points with full provenance) "
                + "to the output folder, each written completely under a temporary name and then renamed.",
            "The DNN figures figure-5a, figure-5c and periphery-dnn need --dataset; on synthetic data "
                + "they write <figure>-synthetic.*, on Fashion-MNIST <figure>-fashion-mnist.* (-ci at --scale ci). "
                + "Without --model they train a model first and save it in the output folder for reuse; each chip's "
                + "results are kept under --work, so an interrupted run resumes. 'all' runs the four MVM figures only.",
            "Options follow the figure; 'pcm run <figure> --help' lists that figure's options."},
        footer = {"", "Examples:", "  pcm run figure-4a", "  pcm run all --out figures",
            "  pcm run bitnet --read-noise-norm slice-max   # writes bitnet-slice-max.*",
            "  pcm run figure-4c --trials 20 --format png,csv --out /tmp/quick",
            "  pcm run figure-4a --weights layer.npy     # your matrix, tiled; writes figure-4a-layer.*",
            "  pcm run weights                           # heavy-tailed weights: weights-time.*, weights-clip.*",
            "  pcm run figure-5a --dataset synthetic    # minutes; writes figure-5a-synthetic.*",
            "  pcm run figure-5a --dataset fashion-mnist --scale ci   # real data, minutes; figure-5a-fashion-mnist-ci.*",
            "  pcm run figure-5c --dataset cifar10 --data-dir ~/cifar-10-batches-bin"})
public final class RunCommand implements Callable<Integer>, DaemonSafe {

    @Spec
    CommandSpec spec;

    @ParentCommand
    PcmCommand parent;

    /** Only a name that is no figure's subcommand lands here; {@link #call} refuses it. */
    @Parameters(index = "0", arity = "0..1", paramLabel = "<figure>", hidden = true)
    String unknownFigure;

    @Override
    public Integer call() {
        if (unknownFigure != null) {
            throw new ParameterException(spec.commandLine(), unknownFigureMessage());
        }
        throw new ParameterException(spec.commandLine(), "Missing required parameter: '<figure>' (one of "
                + String.join(", ", parent.registry().names()) + ")");
    }

    private String unknownFigureMessage() {
        return "Invalid value for parameter '<figure>': unknown figure '" + unknownFigure + "', expected one of "
                + String.join(", ", parent.registry().names());
    }

    /**
     * Adds one subcommand per figure (and group) of the registry to {@code run}.
     *
     * @param run the {@code run} command line
     * @param registry the figures
     */
    static void addFigures(CommandLine run, FigureRegistry registry) {
        for (String name : registry.names()) {
            List<FigureProducer> producers = registry.resolve(name).orElseThrow();
            boolean dnn = producers.stream().anyMatch(p -> p instanceof DnnFigureProducer);
            CommandLine sub = new CommandLine(dnn ? new DnnRunCommand(name) : new MvmRunCommand(name));
            String what = producers.size() == 1 ? producers.get(0).description()
                    : "Runs " + String.join(", ", producers.stream().map(FigureProducer::name).toList()) + ".";
            sub.getCommandSpec().usageMessage().description(what);
            run.addSubcommand(name, sub);
        }
    }

    /**
     * Explains an unknown option that another kind of figure takes ("Invalid option '--chips' for
     * figure-4a: it applies to the DNN figures (figure-5a, figure-5c) only"), or one given before
     * the figure, from the figure commands' own option specs.
     *
     * @param e picocli's unmatched-argument error
     * @return the explanation, if there is one
     */
    static Optional<String> explain(UnmatchedArgumentException e) {
        CommandLine cmd = e.getCommandLine();
        List<String> unmatched = e.getUnmatched();
        String arg = unmatched.stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
        if (arg == null) {
            return Optional.empty();
        }
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (cmd.getCommand() instanceof RunCommand rc) {
            // "pcm run figure-9z --out x": the figure is what is wrong; "pcm run --trials 5 figure-4a": the order.
            List<String> args = cmd.getParseResult().originalArgs();
            if (rc.unknownFigure != null && args.indexOf(rc.unknownFigure) < args.indexOf(arg)) {
                return Optional.of(rc.unknownFigureMessage());
            }
            return Optional.of("Unknown option: '" + option + "' (options follow the figure: pcm run <figure> "
                    + option + " ...)");
        }
        if (!(cmd.getCommand() instanceof FigureRun here) || cmd.getParent() == null) {
            return Optional.empty();
        }
        Set<String> kinds = new LinkedHashSet<>();
        String known = null;
        for (CommandLine sibling : cmd.getParent().getSubcommands().values()) {
            if (sibling.getCommand() instanceof FigureRun other) {
                OptionSpec o = find(sibling.getCommandSpec(), option);
                if (o != null) {
                    kinds.add(other.kind());
                    known = o.longestName();
                }
            }
        }
        if (known == null) {
            return Optional.empty();
        }
        return Optional.of("Invalid option '" + option + "' for " + here.figure + ": "
                + (known.equals(option) ? "it" : known) + " applies to " + String.join(" and ", new ArrayList<>(kinds))
                + " only");
    }

    /** The option of {@code spec} called {@code name}, also in its negated form ({@code --no-gdc}). */
    private static OptionSpec find(CommandSpec spec, String name) {
        for (OptionSpec o : spec.options()) {
            List<String> names = Arrays.asList(o.names());
            boolean negated = o.negatable() && name.startsWith("--no-") && names.contains("--" + name.substring(5));
            if (names.contains(name) || negated) {
                return o;
            }
        }
        return null;
    }
}
