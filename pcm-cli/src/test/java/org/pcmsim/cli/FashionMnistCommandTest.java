package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dataset fashion-mnist} on the DNN commands, on small IDX files the test writes. */
class FashionMnistCommandTest {
    @TempDir
    Path tmp;

    /** Writes the four gzip IDX files: class c is a bright band at rows 2c .. 2c + 5, plus pixel noise. */
    private static Path writeData(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        java.util.Random rnd = new java.util.Random(1);
        for (String set : new String[] {"train", "t10k"}) {
            int n = set.equals("train") ? train : test;
            try (DataOutputStream im = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(
                    dir.resolve(set + "-images-idx3-ubyte.gz"))));
                 DataOutputStream lb = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(
                         dir.resolve(set + "-labels-idx1-ubyte.gz"))))) {
                im.writeInt(0x803);
                im.writeInt(n);
                im.writeInt(28);
                im.writeInt(28);
                lb.writeInt(0x801);
                lb.writeInt(n);
                for (int i = 0; i < n; i++) {
                    int c = i % 10;
                    lb.writeByte(c);
                    for (int r = 0; r < 28; r++) {
                        for (int col = 0; col < 28; col++) {
                            int v = (r >= 2 * c && r < 2 * c + 6 ? 180 : 20) + rnd.nextInt(60);
                            im.writeByte(v);
                        }
                    }
                }
            }
        }
        return dir;
    }

    private CliRunner run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--out", tmp.resolve("out").toString(), "--work", tmp.resolve("work").toString()));
        return CliRunner.run(all.toArray(String[]::new));
    }

    @Test
    void aFolderWithoutTheFilesSaysHowToGetThem() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("empty"));
        for (String cmd : new String[] {"figure-5a", "train"}) {
            CliRunner r = cmd.equals("train") ? run("train", "--dataset", "fashion-mnist", "--data-dir", data.toString())
                    : run("run", cmd, "--dataset", "fashion-mnist", "--data-dir", data.toString());
            assertEquals(1, r.exit, r.err);
            assertEquals(1, r.errLines(), r.err);
            assertTrue(r.err.contains(data.toString()) && r.err.contains("apt-get install dataset-fashion-mnist")
                    && r.err.contains("t10k-labels-idx1-ubyte.gz"), r.err);
            assertFalse(Files.exists(tmp.resolve("out")) || Files.exists(tmp.resolve("work")), "nothing created");
        }
    }

    @Test
    void aTinyRunNamesDatasetAndNetworkAndResumesFromItsChips() throws IOException {
        Path data = writeData(tmp.resolve("fm"), 200, 60);
        String[] tiny = {"run", "figure-5a", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--scale",
            "ci", "--train-images", "200", "--test-images", "60", "--epochs", "1", "--noise-aware-epochs", "1",
            "--chips", "2"};
        CliRunner r = run(tiny);
        assertEquals(0, r.exit, r.err);
        assertFalse(r.err.contains("resuming"), r.err);
        Path out = tmp.resolve("out");
        Path csv = out.resolve("figure-5a-fashion-mnist-ci.csv");
        assertTrue(Files.exists(out.resolve("figure-5a-fashion-mnist-ci.png")), "CI-scale outputs are named -ci");
        List<String> rows = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(1 + 4 * 8 + 1, rows.size(), "header, 4 n_W x 8 times, one digital row");
        assertEquals(1, rows.stream().filter(l -> l.contains(",digital,")).count());
        JsonNode doc = new ObjectMapper().readTree(out.resolve("figure-5a-fashion-mnist-ci.json").toFile());
        assertEquals("Fashion-MNIST", doc.get("provenance").get("dataset").asText());
        assertTrue(doc.get("provenance").get("network").asText().startsWith("resnet8-ci"), doc.toString());
        assertTrue(doc.get("title").asText().contains("Fashion-MNIST") && doc.get("title").asText().contains("resnet8-ci"),
                doc.get("title").asText());

        // The same run again: every chip is in the work folder, so it says so and gives the same rows.
        CliRunner again = run(tiny);
        assertEquals(0, again.exit, again.err);
        assertTrue(again.err.contains("resuming: 8 of 8 chips done"), again.err);
        assertEquals(rows, Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList());
    }
}
