package org.pcmsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.Build;
import org.pcmsim.cli.TestProvenance;
import org.pcmsim.crossbar.ArrayShape;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.Experiments;
import org.pcmsim.experiment.ExperimentRunner;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.MonteCarloRun;
import org.pcmsim.experiment.MvmProvenance;
import org.pcmsim.experiment.PeripheryStudyProvenance;
import org.pcmsim.experiment.Provenance;
import org.pcmsim.experiment.RunSettings;
import org.pcmsim.experiment.Timing;
import org.pcmsim.experiment.WeightSource;
import org.pcmsim.experiment.WeightStudyProvenance;
import org.pcmsim.nn.experiment.DnnPeripheryProvenance;
import org.pcmsim.nn.experiment.DnnProvenance;
import org.pcmsim.periphery.IrDropModel;
import org.pcmsim.periphery.Periphery;
import org.pcmsim.weights.WeightMatrix;

/**
 * The provenance records go to JSON and come back equal, by type; the JSON of version 0.1.0 reads
 * back; a broken file gives one line naming it.
 */
class ProvenanceJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunsProvenanceWrittenAndReadBackIsEqual() throws IOException {
        FigureResult r = ExperimentRunner.run(Experiments.FIGURE_4A, RunSettings.paper(2), (d, t) -> { });
        MvmProvenance p = assertInstanceOf(MvmProvenance.class, r.provenance());
        Path file = write(r);
        assertEquals(p, ProvenanceJson.read(file));
        assertEquals(Build.current(), p.build());
        // The layout users' scripts read: flat, with the run's settings beside the results.
        JsonNode json = MAPPER.readTree(file.toFile()).get("provenance");
        assertEquals(2, json.get("trials").asInt());
        assertEquals("figure-4a", json.get("experiment").asText());
        assertTrue(json.has("gitCommit") && json.has("gitDirty"), json.toString());
        assertTrue(json.get("wallTimeS").isNumber());
        assertEquals(p.timing().started().toString(), json.get("started").asText());
        assertFalse(json.has("weightMatrix"), "no user matrix, no matrix fields");
    }

    @Test
    void everyRecordRoundTrips() throws IOException {
        RunSettings s = RunSettings.paper(3).withSeed(7).withPeriphery(Periphery.IDEAL.withAdcNoise(1));
        Timing timing = new Timing(Instant.parse("2026-01-02T03:04:05.123456789Z"), 1.5);
        Map<String, Periphery> conditions = new LinkedHashMap<>();
        conditions.put("ideal", Periphery.IDEAL);
        conditions.put("IR drop 0.35 Ω", Periphery.IDEAL.withIrDrop(0.35, IrDropModel.FIRST_ORDER));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("no converters", "none");
        settings.put("converters", "dac9 adc8 ideal");
        Build unknownCommit = new Build("pcm-sim", "0.1.0", null, null);
        List<Provenance> all = List.of(
                new WeightStudyProvenance(unknownCommit, MonteCarloRun.of("weights-clip", s), List.of("gaussian"),
                        "unit variance", List.of(2.0, 2.5), List.of(20.0), timing),
                new WeightStudyProvenance(Build.current(), MonteCarloRun.of("weights-time", s), List.of("laplace"),
                        "unit variance", null, List.of(20.0, 3600.0), timing),
                new PeripheryStudyProvenance(Build.current(), MonteCarloRun.of("periphery", s), conditions,
                        List.of(20.0, 2592000.0), timing),
                new DnnProvenance(new DnnProvenance.Data("Fashion-MNIST", "fashion-mnist", false, "/data", 100, 50,
                        "1x28x28", "random crop with padding 2"),
                        new DnnProvenance.Network("resnet8-ci (1 blocks/stage)", false, "model.zip", true, 12.5, "reproducible",
                                3, 1),
                        7, 2, new DnnProvenance.Baseline("float32", 88.5, 87.0, 88.0, "int9"),
                        new DnnProvenance.Hardware("nandakumar2019", PcmDeviceModel.nandakumar2019().withDriftScale(0.5),
                                "physical", "programming=1.0, drift=0.5, read=1.0", "none", "per layer"),
                        new DnnProvenance.Evaluation(500, 2, "per layer", true, 0, 3.25), unknownCommit),
                new DnnPeripheryProvenance("Fashion-MNIST", "fashion-mnist", 50, "resnet8-ci", "model.zip", 7, 2,
                        "n_W * 10^6 + k", 2592000.0, "Max-fill", settings, "per tile", "per vector", 85.3,
                        "nandakumar2019", PcmDeviceModel.nandakumar2019(), "programming=1.0, drift=1.0, read=1.0", 500, 2,
                        true, 9.5, Build.current()));
        for (Provenance p : all) {
            ObjectNode json = ProvenanceJson.toJson(p);
            Provenance back = ProvenanceJson.fromJson(MAPPER.readTree(MAPPER.writeValueAsString(json)));
            assertEquals(p, back, json.toString());
        }
        ObjectNode dnn = ProvenanceJson.toJson(all.get(3));
        assertTrue(dnn.has("git_commit") && dnn.get("git_commit").isNull(), "unknown commit written as null");
        assertEquals(List.of("dataset", "dataset_id", "synthetic"), firstKeys(dnn, 3));
        // The device model inside a DNN record reads as the Monte Carlo records' device.
        ObjectNode mvm = ProvenanceJson.toJson(TestProvenance.mvm(2));
        assertEquals(MAPPER.writeValueAsString(ProvenanceJson.toJson(all.get(4)).get("device_model")),
                MAPPER.writeValueAsString(mvm.get("device")));
    }

    @Test
    void aUsersMatrixIsRecordedAndReadBack() throws IOException {
        WeightMatrix m = WeightMatrix.of(new double[][] {{1, -2, 0.5}, {0.25, 3, -1}});
        RunSettings s = RunSettings.paper(2).withWeights(WeightSource.of(m));
        FigureResult r = ExperimentRunner.run(Experiments.FIGURE_4A, s, (d, t) -> { });
        MvmProvenance p = assertInstanceOf(MvmProvenance.class, r.provenance());
        assertEquals("2x3", p.matrix().weightMatrix());
        assertEquals(ArrayShape.of(s.crossbar()).toString(), p.matrix().array());
        assertEquals(p, ProvenanceJson.read(write(r)));
    }

    @Test
    void theJsonOfVersion010ReadsBackByTypeWithTheSameKeysAndValues() throws IOException {
        JsonNode old = resource("figure-4a-0.1.0.json").get("provenance");
        MvmProvenance p = assertInstanceOf(MvmProvenance.class, ProvenanceJson.fromJson(old));
        assertEquals(20220401L, p.seed());
        assertEquals(200, p.run().trials());
        assertEquals(287372L, p.clippedTargets().clippedDevices());
        assertNull(p.build().gitCommit(), "0.1.0 recorded no commit");
        ObjectNode again = ProvenanceJson.toJson(p);
        again.remove(List.of("gitCommit", "gitDirty"));
        assertEquals(MAPPER.writeValueAsString(old), MAPPER.writeValueAsString(again),
                "written again, the same keys and values in the same order");

        JsonNode oldDnn = resource("figure-5c-synthetic-0.1.0.json").get("provenance");
        DnnProvenance d = assertInstanceOf(DnnProvenance.class, ProvenanceJson.fromJson(oldDnn));
        assertTrue(d.data().synthetic());
        assertNull(d.hardware().deviceModel(), "0.1.0 named the device preset alone");
        assertEquals(88.1, d.baseline().digitalAccuracyPercent());
        assertEquals("pcm-sim", d.build().project(), "0.1.0's DNN records named no project");
        ObjectNode dnnAgain = ProvenanceJson.toJson(d);
        assertNull(d.network().trainingThreads(), "0.1.0 recorded no training mode");
        dnnAgain.remove(List.of("project", "git_commit", "git_dirty", "device_model", "training_threads"));
        assertEquals(MAPPER.writeValueAsString(oldDnn), MAPPER.writeValueAsString(dnnAgain));
    }

    @Test
    void everyCommittedFigureReadsBackByType() throws IOException {
        List<Path> jsons;
        try (Stream<Path> s = Files.list(Path.of("..", "figures"))) {
            jsons = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(jsons.isEmpty(), "the repository's figures/ folder holds JSON files");
        for (Path f : jsons) {
            Provenance p = ProvenanceJson.read(f);
            String name = MAPPER.readTree(f.toFile()).get("name").asText();
            Class<?> expected = name.startsWith("figure-5") ? DnnProvenance.class
                    : name.equals("periphery-dnn") ? DnnPeripheryProvenance.class
                    : name.equals("periphery") ? PeripheryStudyProvenance.class
                    : name.startsWith("weights") ? WeightStudyProvenance.class : MvmProvenance.class;
            assertInstanceOf(expected, p, f.toString());
        }
    }

    @Test
    void aBrokenFileGivesOneLineNamingIt() throws IOException {
        String good = new String(Files.readAllBytes(write(ExperimentRunner.run(Experiments.FIGURE_4A,
                RunSettings.paper(2), (d, t) -> { }))), StandardCharsets.UTF_8);
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("truncated.json", good.substring(0, good.length() / 2));
        broken.put("text.json", "not json at all");
        broken.put("empty.json", "");
        broken.put("no-provenance.json", "{\"name\": \"figure-4a\"}");
        broken.put("wrong-type.json", good.replace("\"trials\" : 2,", "\"trials\" : \"many\","));
        broken.put("bad-value.json", good.replace("\"trials\" : 2,", "\"trials\" : 0,"));
        broken.put("unknown-key.json", good.replace("\"trials\" : 2,", "\"trials\" : 2, \"trails\" : 3,"));
        broken.put("missing-seed.json", good.replaceFirst("\"seed\" : [0-9]+,", ""));
        broken.put("unknown-kind.json", "{\"provenance\": {\"seed\": 1}}");
        for (Map.Entry<String, String> e : broken.entrySet()) {
            assertFalse(e.getValue().equals(good), e.getKey() + " differs from a good file");
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            IOException x = assertThrows(IOException.class, () -> ProvenanceJson.read(f), e.getKey());
            assertTrue(x.getMessage().startsWith(f.toString() + ": "), x.getMessage());
            assertFalse(x.getMessage().contains("\n"), "one line: " + x.getMessage());
        }
        IOException x = assertThrows(IOException.class, () -> ProvenanceJson.read(dir.resolve("absent.json")));
        assertEquals(dir.resolve("absent.json") + ": no such file", x.getMessage());
    }

    @Test
    void theRunRecordKeepsItsFlatLayout() throws IOException {
        FigureResult r = ExperimentRunner.run(Experiments.FIGURE_4A, RunSettings.paper(2), (d, t) -> { });
        Instant started = Instant.parse("2026-11-30T15:30:16.246724189Z");
        RunRecord dnn = new RunRecord("pcm run figure-5a", "pcm 0.1.0", "17.0.15", 2, started, 80.5,
                List.of("csv", "json"), new RunRecord.DnnRun("synthetic", "ci", "target/w", "1", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonResultWriter.write(r, dnn, out);
        JsonNode run = MAPPER.readTree(out.toByteArray()).get("run");
        assertEquals(List.of("command", "tool", "java", "availableProcessors", "started", "wallTimeS", "formats",
                "dataset", "scale", "workDir", "OMP_NUM_THREADS", "OMP_WAIT_POLICY"), firstKeys((ObjectNode) run, 99));
        assertEquals(started.toString(), run.get("started").asText());
        assertTrue(run.get("OMP_WAIT_POLICY").isNull(), "an unset variable is written as null");

        out.reset();
        JsonResultWriter.write(r, new RunRecord("pcm run figure-4a", "pcm 0.1.0", "17", 2, started, 1, List.of(),
                null), out);
        assertEquals(7, MAPPER.readTree(out.toByteArray()).get("run").size(), "no DNN keys for a Monte Carlo run");
    }

    private Path write(FigureResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunRecord run = new RunRecord("pcm test", "pcm test", "17", 1, Instant.EPOCH, 0, List.of("json"), null);
        JsonResultWriter.write(r, run, out);
        Path f = dir.resolve(r.name() + ".json");
        Files.write(f, out.toByteArray());
        return f;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = ProvenanceJsonTest.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        }
    }

    private static List<String> firstKeys(ObjectNode o, int n) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext() && keys.size() < n; ) {
            keys.add(it.next());
        }
        return keys;
    }
}
