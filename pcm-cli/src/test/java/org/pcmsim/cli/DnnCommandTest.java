package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DNN commands: {@code pcm run figure-5a|figure-5c} and {@code pcm train}. */
class DnnCommandTest {
    /** The smallest run that still trains, programs chips and reads them: seconds. */
    static final String[] TINY = {"--dataset", "synthetic", "--scale", "ci", "--train-images", "200",
        "--test-images", "100", "--epochs", "1", "--noise-aware-epochs", "1", "--chips", "1"};

    @TempDir
    Path tmp;

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "bogus"}, "--dataset", "bogus"),
                Arguments.of(new String[] {"run", "periphery-dnn", "--dataset", "synthetic", "--converters"},
                        "--converters", "periphery-dnn"),
                Arguments.of(new String[] {"run", "periphery-dnn", "--dataset", "synthetic", "--adc-noise", "1"},
                        "periphery option", "periphery-dnn"),
                Arguments.of(new String[] {"run", "figure-5c", "--dataset", "synthetic", "--adc-noise", "-1"},
                        "--adc-noise", "-1"),
                Arguments.of(new String[] {"run", "figure-5a"}, "--dataset", "figure-5a"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "cifar10"}, "--data-dir", "cifar10"),
                Arguments.of(new String[] {"run", "figure-5c", "--dataset", "synthetic", "--chips", "0"}, "--chips", "0"),
                Arguments.of(new String[] {"run", "figure-5c", "--dataset", "synthetic", "--threads", "0"}, "--threads", "0"),
                Arguments.of(new String[] {"train", "--dataset", "synthetic", "--threads", "0"}, "--threads", "0"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--epochs", "-1"}, "--epochs", "-1"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--scale", "huge"}, "--scale", "huge"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--network", "vgg"}, "--network", "vgg"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--data-dir", "x"}, "--data-dir", "x"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--trials", "5"}, "--trials", "figure-5a"),
                Arguments.of(new String[] {"run", "figure-5a", "--dataset", "synthetic", "--no-gdc"}, "--gdc", "figure-5a"),
                Arguments.of(new String[] {"run", "figure-4a", "--chips", "3"}, "--chips", "figure-4a"),
                Arguments.of(new String[] {"run", "all", "--dataset", "synthetic"}, "--dataset", "all"),
                Arguments.of(new String[] {"train", "--dataset", "bogus"}, "--dataset", "bogus"),
                Arguments.of(new String[] {"train", "--dataset", "cifar10"}, "--data-dir", "cifar10"),
                Arguments.of(new String[] {"bench", "figure-5a"}, "<figure>", "figure-5a"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void badDnnInputIsAUsageErrorNamingOptionAndValue(String[] args, String option, String value) {
        Path out = tmp.resolve("out");
        Path work = tmp.resolve("work");
        List<String> all = new java.util.ArrayList<>(List.of(args));
        if (!args[0].equals("bench")) {
            all.addAll(List.of("--out", out.toString()));
        }
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), "one line: " + r.err);
        assertTrue(r.err.contains(option), r.err);
        assertTrue(r.err.contains(value), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        assertFalse(Files.exists(out) || Files.exists(work), "nothing created on a usage error");
    }

    @Test
    void missingDataFolderIsARuntimeErrorNamingIt() {
        Path data = tmp.resolve("no-such-cifar");
        CliRunner r = runDnn("figure-5a", "--dataset", "cifar10", "--data-dir", data.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(data.toString()) && r.err.contains("does not exist"), r.err);
        assertNothingCreated();
    }

    @Test
    void dataFolderWithoutTheFilesIsARuntimeErrorNamingFolderAndFiles() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("empty-cifar"));
        CliRunner r = runDnn("figure-5c", "--dataset", "cifar10", "--data-dir", data.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(data.toString()) && r.err.contains("data_batch_1.bin")
                && r.err.contains("test_batch.bin"), r.err);
        assertNothingCreated();
    }

    @Test
    void truncatedCifarFileIsARuntimeErrorNamingTheFile() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("cifar"));
        for (int i = 1; i <= 5; i++) {
            Files.write(data.resolve("data_batch_" + i + ".bin"), records(2, 0));
        }
        Files.write(data.resolve("test_batch.bin"), records(1, 100));
        CliRunner r = runDnn("figure-5a", "--dataset", "cifar10", "--data-dir", data.toString(), "--scale", "ci");
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        assertTrue(r.err.contains(data.resolve("test_batch.bin").toString()) && r.err.contains("truncated")
                && r.err.contains("byte offset"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
        assertNothingCreated();
    }

    @Test
    void tinySyntheticRunWritesAllFourFilesSaysSyntheticAndReusesItsModel() throws IOException {
        CliRunner r = runDnn("figure-5a", TINY);
        assertEquals(0, r.exit, r.err);
        Path out = tmp.resolve("out");
        Set<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        String model = "model-synthetic-resnet8-ci-200img-1+1ep-seed20220401.zip";
        assertEquals(Set.of("figure-5a-synthetic.png", "figure-5a-synthetic.svg", "figure-5a-synthetic.csv",
                "figure-5a-synthetic.json", model), names, "the four outputs and the model, no temporaries");
        assertTrue(r.out.contains("trained in this run"), r.out);
        assertTrue(r.err.contains("figure-5a training") && r.err.contains("figure-5a chips"), r.err);

        assertEquals("figure,series,weights,algorithm,base,n_w,time_s,trials,metric,mean,std,weight_source,array,"
                + "weight_clip,periphery", Files.readAllLines(out.resolve("figure-5a-synthetic.csv")).get(0));
        List<CSVRecord> records = org.pcmsim.cli.output.CsvContract.read(out.resolve("figure-5a-synthetic.csv"));
        List<CSVRecord> digital = records.stream().filter(x -> x.get("algorithm").equals("digital")).toList();
        assertEquals(1, digital.size());
        assertEquals("0", digital.get(0).get("n_w"));
        assertEquals(4 * 8 + 1, records.size(), "4 n_W x 8 times, plus the digital row");
        for (CSVRecord x : records) {
            assertEquals("5a", x.get("figure"));
            assertEquals("accuracy", x.get("metric"));
            double mean = Double.parseDouble(x.get("mean"));
            assertTrue(mean >= 0 && mean <= 100, x.toString());
        }
        JsonNode doc = new ObjectMapper().readTree(out.resolve("figure-5a-synthetic.json").toFile());
        assertTrue(doc.get("provenance").get("synthetic").asBoolean());
        assertTrue(doc.get("title").asText().contains("synthetic CIFAR-format data (not CIFAR-10)"), doc.toString());
        assertEquals("synthetic", doc.get("run").get("dataset").asText());
        assertTrue(ImageIO.read(out.resolve("figure-5a-synthetic.png").toFile()).getWidth() >= 1000, "PNG decodes");

        // Figure 5(c) with the same options reuses the model: no training phase.
        CliRunner c = runDnn("figure-5c", with(TINY, "--threads", "2"));
        assertEquals(0, c.exit, c.err);
        assertTrue(c.out.contains("reused"), c.out);
        assertFalse(c.err.contains("training"), c.err);
        assertTrue(Files.exists(out.resolve("figure-5c-synthetic.csv")));
        assertEquals(2, new ObjectMapper().readTree(out.resolve("figure-5c-synthetic.json").toFile())
                .get("provenance").get("eval_threads").asInt());
        // The same numbers on one thread.
        List<String> twoThreads = dataLines(out.resolve("figure-5c-synthetic.csv"));
        CliRunner c1 = runDnn("figure-5c", with(TINY, "--threads", "1"));
        assertEquals(0, c1.exit, c1.err);
        assertEquals(twoThreads, dataLines(out.resolve("figure-5c-synthetic.csv")));

        // Converters with ADC noise write beside the paper's figure and say so in the periphery column.
        CliRunner conv = runDnn("figure-5c", with(TINY, "--adc-noise", "1"));
        assertEquals(0, conv.exit, conv.err);
        Path convCsv = out.resolve("figure-5c-synthetic-converters-adc-noise1lsb.csv");
        assertTrue(Files.exists(convCsv), conv.err);
        for (CSVRecord x : org.pcmsim.cli.output.CsvContract.read(convCsv)) {
            assertEquals(x.get("algorithm").equals("digital") ? "ideal" : "dac9;adc8;adc-noise=1lsb",
                    x.get("periphery"), x.toString());
        }
        assertEquals(twoThreads, dataLines(out.resolve("figure-5c-synthetic.csv")), "the paper's figure untouched");

        // pcm train finds the model too and reports its accuracy.
        List<String> train = new java.util.ArrayList<>(List.of("train", "--out", out.toString(), "--work",
                tmp.resolve("work").toString()));
        train.addAll(List.of(TINY).subList(0, 12));
        CliRunner t = CliRunner.run(train.toArray(String[]::new));
        assertEquals(0, t.exit, t.err);
        assertTrue(t.out.contains(model) && t.out.contains("already existed") && t.out.contains("digital test accuracy"),
                t.out);
    }

    @Test
    void listShowsTheDnnFiguresWithBothScales() {
        CliRunner l = CliRunner.run("list");
        assertEquals(0, l.exit, l.err);
        assertTrue(l.out.contains("figure-5a") && l.out.contains("figure-5c") && l.out.contains("PUBLISHED"), l.out);
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> dataLines(Path csv) throws IOException {
        return Files.readAllLines(csv);
    }

    private CliRunner runDnn(String figure, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", figure, "--out", tmp.resolve("out").toString(),
                "--work", tmp.resolve("work").toString()));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private void assertNothingCreated() {
        assertFalse(Files.exists(tmp.resolve("out")), "nothing in --out");
        assertFalse(Files.exists(tmp.resolve("work")), "nothing in --work");
    }

    /** {@code n} CIFAR records of class 3 and {@code extra} bytes of a truncated one. */
    private static byte[] records(int n, int extra) {
        byte[] b = new byte[n * 3073 + extra];
        for (int i = 0; i < n; i++) {
            b[i * 3073] = 3;
        }
        return b;
    }
}
