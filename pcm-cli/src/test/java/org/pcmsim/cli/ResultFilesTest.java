package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.cli.figures.FigureRegistry;
import org.pcmsim.cli.figures.MvmFigureProducer;
import org.pcmsim.cli.output.AtomicOutput;
import org.pcmsim.cli.output.OutputFormat;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.montecarlo.ProgressListener;

/** A figure's files are written all together or not at all. */
class ResultFilesTest {
    @TempDir
    Path tmp;

    static FigureResult result;

    @BeforeAll
    static void smallResult() {
        MvmFigureProducer p = (MvmFigureProducer) FigureRegistry.standard().resolve("bitnet").orElseThrow().get(0);
        result = p.produce(RunSettings.paper(2).withThreads(2), ProgressListener.NONE);
    }

    private static Map<OutputFormat, AtomicOutput.Content> data(String csv, AtomicOutput.Content json) {
        return Map.of(OutputFormat.CSV, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)), OutputFormat.JSON, json);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void allFourFormatsAreWrittenAndListedInOrder() throws IOException {
        List<Path> files;
        try (ResultFiles w = new ResultFiles(tmp, "pcm-sim test")) {
            files = w.submit("bitnet", result, EnumSet.allOf(OutputFormat.class),
                    data("new", out -> out.write('{'))).join();
        }
        assertEquals(List.of("bitnet.csv", "bitnet.png", "bitnet.svg", "bitnet.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of("bitnet.csv", "bitnet.json", "bitnet.png", "bitnet.svg"), names());
        assertEquals("new", Files.readString(tmp.resolve("bitnet.csv")));
    }

    @Test
    void aFailureInOneFormatLeavesTheOldGroupIntact() throws IOException {
        for (OutputFormat f : OutputFormat.values()) {
            Files.writeString(tmp.resolve("bitnet." + f.id()), "old " + f.id());
        }
        IOException full = new IOException("No space left on device");
        try (ResultFiles w = new ResultFiles(tmp, "pcm-sim test")) {
            CompletionException e = assertThrows(CompletionException.class,
                    () -> w.submit("bitnet", result, EnumSet.allOf(OutputFormat.class), data("new", out -> {
                        out.write('{');
                        throw full;
                    })).join());
            assertSame(full, ResultFiles.cause(e));
        }
        for (OutputFormat f : OutputFormat.values()) {
            assertEquals("old " + f.id(), Files.readString(tmp.resolve("bitnet." + f.id())), f.id());
        }
        assertEquals(List.of("bitnet.csv", "bitnet.json", "bitnet.png", "bitnet.svg"), names(), "no temporaries");
    }
}
