package org.pcmsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.pcmsim.experiment.ResultRow;

/**
 * The plain-CSV contract of docs/figures.md, checked with a strict parser: RFC 4180 with no comment
 * marker, no blank lines skipped, no duplicate or missing column names; the first record is exactly
 * the documented header and every record has exactly its columns.
 */
public final class CsvContract {
    /** The documented columns, in order. */
    public static final List<String> COLUMNS = List.of("figure", "series", "weights", "algorithm", "base", "n_w",
            "time_s", "trials", "metric", "mean", "std", "weight_source", "array", "weight_clip", "periphery");

    private static final CSVFormat STRICT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setAllowMissingColumnNames(false)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvContract() {
    }

    /**
     * @param csv a CSV file written by {@code pcm run}
     * @return its data records, after every contract check has passed
     * @throws IOException if it cannot be read or is not valid CSV
     */
    public static List<CSVRecord> read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertFalse(text.startsWith("\uFEFF"), csv + ": no byte-order mark");
        assertFalse(text.lines().anyMatch(l -> l.startsWith("#")), csv + ": no '#' lines");
        assertFalse(text.lines().anyMatch(String::isBlank), csv + ": no blank lines");
        assertEquals(COLUMNS, List.of(ResultRow.COLUMNS), "the documented columns are the schema's");
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser p = STRICT.parse(in)) {
            assertEquals(COLUMNS, p.getHeaderNames(), csv + ": header");
            records = p.getRecords();
        }
        assertFalse(records.isEmpty(), csv + ": has data rows");
        for (CSVRecord r : records) {
            assertEquals(COLUMNS.size(), r.size(), csv + " line " + r.getRecordNumber() + ": " + r);
            assertTrue(r.isConsistent(), csv + " line " + r.getRecordNumber());
            for (String numeric : List.of("base", "n_w", "trials")) {
                Integer.parseInt(r.get(numeric));
            }
            Double.parseDouble(r.get("time_s"));
            assertFalse(r.get("periphery").isEmpty(), csv + ": periphery is 'ideal' or a description in " + r);
            double mean = Double.parseDouble(r.get("mean"));
            assertTrue(Double.isFinite(mean), csv + ": finite mean in " + r);
            if (!r.get("std").isEmpty()) {
                assertTrue(Double.parseDouble(r.get("std")) >= 0, csv + ": std >= 0 in " + r);
            }
        }
        return records;
    }
}
