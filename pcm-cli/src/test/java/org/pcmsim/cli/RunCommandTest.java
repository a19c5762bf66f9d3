package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.Version;
import org.pcmsim.experiment.ResultRow;

/** End-to-end runs of {@code pcm run} with few trials. */
class RunCommandTest {
    @TempDir
    static Path shared;
    static Path out;
    static CliRunner run;

    @BeforeAll
    static void smallRun() {
        out = shared.resolve("figures");
        run = CliRunner.run("run", "figure-4a", "--trials", "5", "--threads", "2", "--out", out.toString());
    }

    @Test
    void smallRunSucceedsAndWritesAllFourFiles() throws IOException {
        assertEquals(0, run.exit, run.err);
        Set<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(Set.of("figure-4a.png", "figure-4a.svg", "figure-4a.csv", "figure-4a.json"), names,
                "exactly the four outputs, no temporaries");
        assertTrue(run.out.contains("figure-4a.png"), run.out);
    }

    @Test
    void csvHasExactlyTheSchemaColumns() throws IOException {
        List<String> header = Files.readAllLines(out.resolve("figure-4a.csv")).get(0).lines().toList();
        List<CSVRecord> records = org.pcmsim.cli.output.CsvContract.read(out.resolve("figure-4a.csv"));
        assertEquals(List.of(String.join(",", ResultRow.COLUMNS)), header, "the first line is the header");
        header = List.of(header.get(0).split(","));
        assertEquals(List.of("figure", "series", "weights", "algorithm", "base", "n_w", "time_s", "trials", "metric",
                "mean", "std", "weight_source", "array", "weight_clip", "periphery"), header);
        assertArrayEquals(ResultRow.COLUMNS, header.toArray(String[]::new));
        // 7 series x 4 slice counts x 2 times, plus the two theory curves (4 x 2 each).
        assertEquals(7 * 4 * 2 + 2 * 4 * 2, records.size());
        for (CSVRecord r : records) {
            assertEquals(15, r.size());
            assertEquals("ideal", r.get("periphery"));
            assertEquals("4a", r.get("figure"));
            assertEquals("gaussian", r.get("weight_source"));
            assertEquals("128x128", r.get("array"));
            assertEquals("3", r.get("weight_clip"));
            assertEquals("5", r.get("trials"));
            double mean = Double.parseDouble(r.get("mean"));
            assertTrue(mean > 0 && mean < 1, "eta is a small positive error: " + mean);
            if (r.get("metric").equals("eta_theory")) {
                assertEquals("", r.get("std"), "theory rows have no std");
            } else {
                assertEquals("eta", r.get("metric"));
                assertTrue(Double.parseDouble(r.get("std")) >= 0);
            }
        }
        Set<String> times = records.stream().map(r -> r.get("time_s")).collect(Collectors.toSet());
        assertEquals(Set.of("20", "2592000"), times);
    }

    @Test
    void csvIsPlainAndItsProvenanceIsInTheJson() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("figure-4a.csv"));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("#")), "no comment lines");
        JsonNode doc = new ObjectMapper().readTree(out.resolve("figure-4a.json").toFile());
        assertTrue(doc.get("run").get("command").asText().contains("pcm run figure-4a --trials 5"), doc.toString());
        assertEquals(Version.get(), doc.get("provenance").get("version").asText());
        assertEquals(5, doc.get("provenance").get("trials").asInt());
    }

    @Test
    void pngDecodesAtTheDesignedSize() throws IOException {
        BufferedImage img = ImageIO.read(out.resolve("figure-4a.png").toFile());
        assertEquals(2400, img.getWidth());
        assertEquals(1000, img.getHeight());
        // Something was drawn: not a blank white canvas.
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 5) {
            for (int x = 0; x < img.getWidth(); x += 5) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 1000, "drawn pixels: " + nonWhite);
    }

    @Test
    void svgIsAnSvgDocumentOfTheSameSize() throws IOException {
        String svg = Files.readString(out.resolve("figure-4a.svg"));
        assertTrue(svg.contains("<svg"), "svg root");
        assertTrue(svg.contains("2400") && svg.contains("1000"), "size");
    }

    @Test
    void jsonHoldsProvenanceAndTheSamePoints() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(out.resolve("figure-4a.json").toFile());
        JsonNode prov = doc.get("provenance");
        assertEquals(20220401L, prov.get("seed").asLong());
        assertEquals(5, prov.get("trials").asInt());
        assertEquals(2, prov.get("threads").asInt());
        assertEquals(Version.get(), prov.get("version").asText());
        assertEquals(128, prov.get("crossbar").get("size").asInt());
        assertEquals(25.0, prov.get("device").get("gMax").asDouble());
        assertTrue(prov.has("started") && prov.has("wallTimeS"));
        assertEquals(7 * 4 * 2 + 2 * 4 * 2, doc.get("points").size());
        JsonNode theory = null;
        for (JsonNode p : doc.get("points")) {
            if (p.get("metric").asText().equals("eta_theory")) {
                theory = p;
            }
        }
        assertTrue(theory != null && theory.get("std").isNull(), "theory std is null");
    }

    @Test
    void outputFolderThatCannotBeCreatedFailsWithOneLineAndCreatesNothing() throws IOException {
        Path file = shared.resolve("not-a-folder");
        Files.writeString(file, "x");
        Path target = file.resolve("figures");
        CliRunner r = CliRunner.run("run", "figure-4a", "--trials", "1", "--out", target.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(target.toString()), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace without --verbose");
        assertEquals("x", Files.readString(file), "the blocking file is untouched");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path file = shared.resolve("also-not-a-folder");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("run", "figure-4a", "--trials", "1", "--verbose", "--out",
                file.resolve("f").toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("\tat "), r.err);
    }

    @Test
    void versionAndList() {
        CliRunner v = CliRunner.run("--version");
        assertEquals(0, v.exit);
        assertTrue(v.out.contains(Version.get()), v.out);
        CliRunner l = CliRunner.run("list");
        assertEquals(0, l.exit);
        for (String name : List.of("figure-4a", "figure-4b", "figure-4c", "bitnet")) {
            assertTrue(l.out.contains(name), l.out);
        }
        assertTrue(l.out.contains("200") && l.out.contains("300"), "published trial counts: " + l.out);
        // Every row of the figure table (header to the blank line) starts its description in one column.
        List<String> rows = l.out.lines().takeWhile(line -> !line.isBlank()).toList();
        int column = rows.get(0).indexOf("WHAT IT SHOWS");
        for (String row : rows) {
            assertEquals(' ', row.charAt(column - 1), "misaligned row: " + row);
            assertTrue(row.charAt(column) != ' ', "misaligned row: " + row);
        }
    }

    @Test
    void benchTimesTheEngineAndWritesNothing() {
        CliRunner b = CliRunner.run("bench", "bitnet", "--trials", "2", "--repeats", "1");
        assertEquals(0, b.exit, b.err);
        assertTrue(b.out.lines().anyMatch(l -> l.startsWith("bitnet") && l.contains("2")), b.out);
        CliRunner bad = CliRunner.run("bench", "figure-9z");
        assertEquals(2, bad.exit);
        assertEquals(1, bad.errLines(), bad.err);
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"list", "--help"}, new String[] {"bench", "--help"})) {
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.exit);
            assertTrue(r.out.startsWith("Usage:"), r.out);
        }
    }
}
