package org.pcmsim.cli.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.pcmsim.cli.output.ProvenanceJson;
import org.pcmsim.nn.experiment.DnnProvenance;

/**
 * The committed full-protocol Figures 5(a) and 5(c) on Fashion-MNIST hold what the protocol promises:
 * real data, every test image, at least 20 chips per point, 12 read times from t0 to one year for 5(a),
 * the five configurations at t0 and one month for 5(c), a digital baseline of at least 93.0 %, and
 * titles that name the dataset and the network. These files are made by hours of computation, not by
 * the build, so this test reads them as committed; it computes nothing.
 */
class CommittedFashionMnistFiguresTest {
    private static final Path FIGURES = Path.of("..", "figures");
    private static final double ONE_YEAR_S = 365 * 86_400.0;
    private static final double ONE_MONTH_S = 30 * 86_400.0;

    @Test
    void figure5aIsTheFullProtocolOnRealData() throws IOException {
        DnnProvenance p = provenance("figure-5a-fashion-mnist");
        List<CSVRecord> rows = rows("figure-5a-fashion-mnist");
        double digital = digital(rows);
        assertEquals(1, rows.stream().filter(r -> r.get("algorithm").equals("digital")).count(), "one digital row");
        assertTrue(digital >= 93.0, "digital baseline " + digital + " % >= 93.0 %");
        Map<Integer, TreeSet<Double>> timesByNw = new TreeMap<>();
        for (CSVRecord r : analog(rows)) {
            assertEquals("max-fill", r.get("algorithm"));
            assertTrue(Integer.parseInt(r.get("trials")) >= 20, "chips per point >= 20: " + r);
            timesByNw.computeIfAbsent(Integer.parseInt(r.get("n_w")), k -> new TreeSet<>())
                    .add(Double.parseDouble(r.get("time_s")));
        }
        assertEquals(List.of(1, 2, 4, 8), List.copyOf(timesByNw.keySet()));
        for (TreeSet<Double> times : timesByNw.values()) {
            assertEquals(12, times.size(), "12 read times: " + times);
            assertTrue(times.last() >= ONE_YEAR_S, "the last read is at one year: " + times.last());
            // log-spaced: the ratio of consecutive times is the same, to rounding
            double ratio = times.higher(times.first()) / times.first();
            Double prev = null;
            for (double t : times) {
                if (prev != null) {
                    assertEquals(ratio, t / prev, ratio * 1e-6, "log-spaced times");
                }
                prev = t;
            }
        }
        assertTrue(p.chips() >= 20);
    }

    @Test
    void figure5cHasFiveConfigurationsAtT0AndOneMonth() throws IOException {
        provenance("figure-5c-fashion-mnist");
        List<CSVRecord> rows = rows("figure-5c-fashion-mnist");
        assertTrue(digital(rows) >= 93.0);
        List<CSVRecord> analog = analog(rows);
        assertEquals(5 * 4 * 2, analog.size(), "5 configurations x 4 n_W x 2 times");
        TreeSet<String> series = new TreeSet<>();
        TreeSet<Double> times = new TreeSet<>();
        for (CSVRecord r : analog) {
            assertTrue(Integer.parseInt(r.get("trials")) >= 20, "chips per point >= 20: " + r);
            series.add(r.get("series"));
            times.add(Double.parseDouble(r.get("time_s")));
        }
        assertEquals(5, series.size(), series.toString());
        assertEquals(2, times.size());
        assertEquals(ONE_MONTH_S, times.last(), "the second read is at one month");
    }

    private static DnnProvenance provenance(String name) throws IOException {
        Path json = FIGURES.resolve(name + ".json");
        for (String ext : List.of("png", "svg", "csv")) {
            assertTrue(Files.size(FIGURES.resolve(name + "." + ext)) > 0, name + "." + ext + " is committed");
        }
        DnnProvenance p = assertInstanceOf(DnnProvenance.class, ProvenanceJson.read(json));
        assertEquals("fashion-mnist", p.data().datasetId());
        assertFalse(p.data().synthetic());
        assertEquals(60_000, p.data().trainImages());
        assertEquals(10_000, p.data().testImages(), "every test image");
        assertTrue(p.network().network().startsWith("resnet14"), p.network().network());
        assertTrue(p.chips() >= 20, "chips " + p.chips());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        String title = doc.get("title").asText();
        assertTrue(title.contains("Fashion-MNIST") && title.contains("resnet14"), "title names data and network: " + title);
        return p;
    }

    private static List<CSVRecord> rows(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(FIGURES.resolve(name + ".csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** The digital baseline: one row in 5(a), one per panel (read time) in 5(c), all the same value. */
    private static double digital(List<CSVRecord> rows) {
        List<CSVRecord> d = rows.stream().filter(r -> r.get("algorithm").equals("digital")).toList();
        assertFalse(d.isEmpty(), "a digital row");
        for (CSVRecord r : d) {
            assertEquals("accuracy", r.get("metric"));
            assertEquals(d.get(0).get("mean"), r.get("mean"), "one digital baseline");
        }
        return Double.parseDouble(d.get(0).get("mean"));
    }

    private static List<CSVRecord> analog(List<CSVRecord> rows) {
        List<CSVRecord> a = rows.stream().filter(r -> !r.get("algorithm").equals("digital")).toList();
        a.forEach(r -> assertEquals("accuracy", r.get("metric")));
        return a;
    }
}
