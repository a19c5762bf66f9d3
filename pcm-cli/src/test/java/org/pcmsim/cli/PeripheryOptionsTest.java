package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periphery options reach the model, the file names, the CSV column and the provenance. */
class PeripheryOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void aNonIdealPeripheryWritesBesideTheIdealFigureAndSaysSo() throws IOException {
        CliRunner r = CliRunner.run("run", "figure-4a", "--trials", "3", "--format", "csv,json", "--adc-noise", "0.5",
                "--wire-resistance", "0.35", "--out", tmp.toString(), "--quiet");
        assertEquals(0, r.exit, r.err);
        String stem = "figure-4a-adc-noise0.5lsb-ir-drop0.35ohm-first-order";
        List<CSVRecord> rows = org.pcmsim.cli.output.CsvContract.read(tmp.resolve(stem + ".csv"));
        for (CSVRecord row : rows) {
            assertEquals("adc-noise=0.5lsb;ir-drop=0.35ohm/first-order", row.get("periphery"));
        }
        String json = Files.readString(tmp.resolve(stem + ".json"));
        assertTrue(json.contains("\"periphery\" : \"adc-noise=0.5lsb;ir-drop=0.35ohm/first-order\""), json);
        assertTrue(json.contains("\"wireResistanceOhm\" : 0.35"), json);
        assertTrue(json.contains("\"irDropModel\" : \"FIRST_ORDER\""), json);
    }

    @Test
    void thePeripheryFigureHasEveryConditionAndAlgorithm() throws IOException {
        CliRunner r = CliRunner.run("run", "periphery", "--trials", "2", "--format", "csv", "--out", tmp.toString(),
                "--quiet");
        assertEquals(0, r.exit, r.err);
        List<CSVRecord> rows = org.pcmsim.cli.output.CsvContract.read(tmp.resolve("periphery.csv"));
        // 4 conditions x 3 algorithms x 4 slice counts x 2 times.
        assertEquals(4 * 3 * 4 * 2, rows.size());
        assertEquals(List.of("ideal", "adc-noise=1lsb", "ir-drop=0.35ohm/first-order",
                "adc-noise=1lsb;ir-drop=0.35ohm/first-order"),
                rows.stream().map(x -> x.get("periphery")).distinct().toList());
    }
}
