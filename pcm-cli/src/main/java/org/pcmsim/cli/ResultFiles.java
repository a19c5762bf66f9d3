package org.pcmsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcmsim.cli.output.AtomicOutput;
import org.pcmsim.cli.output.OutputFormat;
import org.pcmsim.cli.plot.FigureFiles;
import org.pcmsim.cli.plot.FigurePlotter;
import org.pcmsim.experiment.FigureResult;

/**
 * Writes each figure's group of files ({@code <stem>.csv/.png/.svg/.json}) off the compute thread,
 * every format on its own thread, so that the next figure's Monte Carlo run, the plot layout and
 * the encoders overlap. A group is all or nothing ({@link AtomicOutput}): a failure in any format
 * leaves the folder's previous files of that figure as they were.
 */
public final class ResultFiles implements AutoCloseable {

    // The order of the files in the "wrote ..." line.
    private static final List<OutputFormat> ORDER =
            List.of(OutputFormat.CSV, OutputFormat.PNG, OutputFormat.SVG, OutputFormat.JSON);

    private final Path folder;
    private final String software;
    private final ExecutorService pool;

    /**
     * @param folder the output folder
     * @param software written into the PNG, e.g. {@code pcm-sim 0.1.0}
     */
    public ResultFiles(Path folder, String software) {
        this.folder = folder;
        this.software = software;
        AtomicInteger n = new AtomicInteger();
        // Daemon threads: a failed run exits without waiting for encoders nobody needs any more.
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pcm-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts writing one figure's files.
     *
     * @param stem the file name without extension, e.g. {@code figure-4a}
     * @param result the figure's points, plotted for PNG and SVG
     * @param formats the files to write
     * @param data the content of the CSV and JSON files, if requested (they carry the command and
     *     provenance only the caller knows)
     * @return the files written, in the order csv, png, svg, json; completes exceptionally with the
     *     first failure, the folder then unchanged
     */
    public CompletableFuture<List<Path>> submit(String stem, FigureResult result, Set<OutputFormat> formats,
                                                Map<OutputFormat, AtomicOutput.Content> data) {
        AtomicOutput group = new AtomicOutput(folder);
        List<CompletableFuture<?>> parts = new ArrayList<>();
        for (OutputFormat f : ORDER) {
            if (!formats.contains(f)) {
                continue;
            }
            String name = stem + "." + f.id();
            // Each image lays out its own figure: XChart keeps layout state in the chart while it paints,
            // so one chart must not be painted by two threads at once.
            parts.add(CompletableFuture.runAsync(() -> write(group, name, switch (f) {
                case PNG -> os -> FigureFiles.writePng(FigurePlotter.plot(result), software, os);
                case SVG -> os -> FigureFiles.writeSvg(FigurePlotter.plot(result), os);
                case CSV, JSON -> data.get(f);
            }), pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((ok, failure) -> {
            try (group) {
                if (failure != null) {
                    throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                }
                List<Path> files = new ArrayList<>(group.commit());
                files.sort(Comparator.comparingInt(p -> ORDER.indexOf(formatOf(p))));
                return files;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static OutputFormat formatOf(Path p) {
        String n = p.getFileName().toString();
        return OutputFormat.fromId(n.substring(n.lastIndexOf('.') + 1));
    }

    private static void write(AtomicOutput group, String name, AtomicOutput.Content content) {
        try {
            group.write(name, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The I/O failure behind a failed {@link #submit}, or the failure itself.
     *
     * @param t what {@link CompletableFuture#join()} threw
     * @return the cause worth reporting
     */
    public static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof UncheckedIOException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Stops the writer threads; files still being written are abandoned (their temporaries deleted at exit). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
