package org.pcmsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.pcmsim.Version;
import org.pcmsim.cli.figures.FigureRegistry;
import org.pcmsim.cli.output.AtomicOutput;
import org.pcmsim.cli.output.CsvResultWriter;
import org.pcmsim.cli.output.JsonResultWriter;
import org.pcmsim.cli.output.OutputFormat;
import org.pcmsim.cli.output.RunRecord;
import org.pcmsim.experiment.FigureResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One {@code pcm run <figure>} subcommand: the options and the file writing every figure shares.
 * {@link MvmRunCommand} and {@link DnnRunCommand} add their own options, which picocli then
 * accepts for their figures only.
 */
abstract class FigureRun implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RunCommand run;

    @Mixin
    RunOptions options;

    /** The figure (or group) name this command runs. */
    final String figure;

    FigureRun(String figure) {
        this.figure = figure;
    }

    /** @return what these figures are, for "it applies to … only" messages */
    abstract String kind();

    /** Runs the figure; a usage or runtime failure is an exception for {@link PcmCommand}'s handlers. */
    abstract Integer runFigure();

    @Override
    public final Integer call() {
        try {
            return runFigure();
        } catch (OutOfMemoryError e) {
            throw MemoryCheck.outOfMemory(e);
        }
    }

    /** @return the figures {@code pcm} knows */
    FigureRegistry registry() {
        return run.parent.registry();
    }

    /** @return whether a live progress bar may be drawn */
    boolean terminal() {
        return run.parent.stderrIsTerminal();
    }

    /** Fails before computing, creating nothing, if the results could not be written. */
    void checkWritable() {
        try {
            AtomicOutput.checkWritable(options.out);
        } catch (IOException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /** A line on stderr, beside the progress display, unless --quiet. */
    void note(String line) {
        if (!options.quiet()) {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        }
    }

    /** The "wrote …" line of a figure, unless --quiet. */
    void report(String name, List<Path> files, long nanos) {
        if (!options.quiet()) {
            PrintWriter o = spec.commandLine().getOut();
            WorkingDirectory wd = run.parent.workingDirectory();
            o.printf("%s: wrote %s (%s)%n", name,
                    files.stream().map(f -> wd.display(f).toString()).collect(Collectors.joining(", ")),
                    String.format(Locale.ROOT, "%.1f s", nanos / 1e9));
            o.flush();
        }
    }

    /**
     * Starts writing a figure's files off this thread (see {@link ResultFiles}); {@link #await}
     * waits for them.
     */
    CompletableFuture<List<Path>> write(ResultFiles files, FigureResult result, String stem, Instant started, long t0,
                                        RunRecord.DnnRun dnn) {
        String command = commandLine();
        Map<OutputFormat, AtomicOutput.Content> data = new EnumMap<>(OutputFormat.class);
        data.put(OutputFormat.CSV, os -> CsvResultWriter.write(result, os));
        data.put(OutputFormat.JSON, os -> {
            RunRecord runInfo = new RunRecord(command, "pcm " + Version.get(), System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), started,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0,
                    options.formats().stream().map(OutputFormat::id).toList(), dnn);
            JsonResultWriter.write(result, runInfo, os);
        });
        return files.submit(stem, result, options.formats(), data);
    }

    /** Waits for a figure's files; a failure becomes one line naming the folder. */
    List<Path> await(CompletableFuture<List<Path>> pending) {
        try {
            return pending.join();
        } catch (CompletionException | CancellationException e) {
            Throwable c = ResultFiles.cause(e);
            throw new CliFailure("cannot write results to '" + options.out + "': "
                    + (c instanceof IOException io ? CliFailure.describe(io) : c.toString()), c);
        }
    }

    /** The command as typed, for provenance: {@code pcm run figure-4a --trials 5}. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "pcm " + String.join(" ", args);
    }
}
