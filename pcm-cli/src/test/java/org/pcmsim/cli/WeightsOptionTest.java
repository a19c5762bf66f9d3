package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --weights FILE.npy}, {@code --weight-distribution} and {@code --device} on an MVM figure. */
class WeightsOptionTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().get().parse(in)) {
            return p.getRecords();
        }
    }

    @Test
    void aNumpyMatrixLargerThanTheCrossbarIsTiledAndNamedInTheCsv() throws Exception {
        // 64 x 1024 written by numpy (float64, Fortran order) on 32 x 32 arrays: 2 x 32 tiles.
        Path npy = dir.resolve("wide.npy");
        Files.write(npy, wide());
        CliRunner r = CliRunner.run("run", "figure-4b", "--weights", npy.toString(), "--crossbar-size", "32",
                "--trials", "2", "--format", "csv", "--out", dir.toString(), "--quiet");
        assertEquals(0, r.exit, r.err);
        List<CSVRecord> rows = rows(dir.resolve("figure-4b-wide.csv"));
        assertFalse(rows.isEmpty());
        for (CSVRecord row : rows) {
            assertEquals("wide.npy", row.get("weight_source"));
            assertEquals("32x32", row.get("array"));
            double eta = Double.parseDouble(row.get("mean"));
            // Tiling keeps each ADC in its range: a paper-like error, not a saturated one.
            assertTrue(eta > 0.01 && eta < 0.3, "eta " + eta);
        }
    }

    /** A 64 x 1024 float64 .npy in Fortran order, as numpy writes it. */
    private static byte[] wide() {
        String header = "{'descr': '<f8', 'fortran_order': True, 'shape': (64, 1024), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + h.length() + 8 * 64 * 1024)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) h.length());
        b.put(h.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        java.util.Random g = new java.util.Random(1);
        for (int i = 0; i < 64 * 1024; i++) {
            b.putDouble(g.nextGaussian());
        }
        return b.array();
    }

    @Test
    void badFilesDistributionsAndDevicesAreUsageErrorsNamingTheValue() throws IOException {
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "not numpy");
        CliRunner r = CliRunner.run("run", "figure-4a", "--weights", bad.toString(), "--out", dir.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("bad.npy: not a .npy file") && r.err.strip().lines().count() == 1, r.err);
        CliRunner d = CliRunner.run("run", "figure-4a", "--weight-distribution", "cauchy", "--out", dir.toString());
        assertEquals(2, d.exit);
        assertTrue(d.err.contains("'cauchy'"), d.err);
        CliRunner v = CliRunner.run("run", "figure-4a", "--device", "gst", "--out", dir.toString());
        assertEquals(2, v.exit);
        assertTrue(v.err.contains("'gst'"), v.err);
        CliRunner list = CliRunner.run("list", "--devices");
        assertEquals(0, list.exit, list.err);
        assertTrue(list.out.contains("nandakumar2019") && list.out.contains("ideal"), list.out);
    }
}
