package org.pcmsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.cli.PcmCommand;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;

/**
 * Every CSV the tool writes, and every CSV committed under figures/, reads with a strict CSV parser
 * and has exactly the documented columns (the DNN CSV is checked in DnnCommandTest).
 */
class CsvContractTest {
    @TempDir
    Path tmp;

    @Test
    void everyMvmFigureWritesPlainCsv() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, run("run", "all", "--trials", "2", "--format", "csv,json", "--out", out.toString()));
        assertEquals(0, run("run", "bitnet", "--trials", "2", "--read-noise-norm", "slice-max", "--format", "csv",
                "--out", out.toString()));
        List<Path> csvs = csvs(out);
        assertEquals(List.of("bitnet-slice-max.csv", "bitnet.csv", "figure-4a.csv", "figure-4b.csv", "figure-4c.csv"),
                csvs.stream().map(p -> p.getFileName().toString()).toList());
        for (Path csv : csvs) {
            List<CSVRecord> rows = CsvContract.read(csv);
            for (CSVRecord r : rows) {
                assertEquals("2", r.get("trials"), csv + ": " + r);
                assertTrue(Set.of("eta", "eta_theory").contains(r.get("metric")), csv + ": " + r);
            }
        }
        // The provenance the CSV no longer carries is in the JSON beside it.
        String json = Files.readString(out.resolve("figure-4a.json"));
        assertTrue(json.contains("\"command\"") && json.contains("\"seed\"") && json.contains("\"device\""), json);
    }

    /** The largest noise scales accepted still give finite numbers (1e300 gave all-NaN and is refused). */
    @Test
    void theLargestAcceptedNoiseScalesGiveFiniteResults() throws IOException {
        Path out = tmp.resolve("noisy");
        assertEquals(0, run("run", "all", "--trials", "2", "--programming-noise", "100", "--read-noise", "100",
                "--drift", "100", "--format", "csv", "--out", out.toString()));
        for (Path csv : csvs(out)) {
            CsvContract.read(csv);
        }
    }

    @Test
    void committedFiguresArePlainCsv() throws IOException {
        Path figures = Path.of("..", "figures");
        List<Path> csvs = csvs(figures);
        assertFalse(csvs.isEmpty(), "the repository's figures/ folder holds CSV files");
        for (Path csv : csvs) {
            CsvContract.read(csv);
        }
    }

    private static List<Path> csvs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static int run(String... args) {
        CommandLine cl = PcmCommand.commandLine(FigureRegistry.standard(), false);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return code;
    }
}
