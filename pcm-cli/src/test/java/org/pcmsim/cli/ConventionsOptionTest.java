package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.device.TargetRange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --conventions} sets the three conventions; each one's own option overrides the preset. */
class ConventionsOptionTest {
    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ModelOptions model;
    }

    private static ModelOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.model;
    }

    @Test
    void physicalIsTheDefault() {
        PcmDeviceModel d = parse().device();
        assertEquals(PcmDeviceModel.nandakumar2019(), d);
        assertEquals("physical", d.conventions());
        assertEquals("", parse().fileSuffix());
    }

    @Test
    void thePublishedPresetSetsAllThree() {
        ModelOptions m = parse("--conventions", "published");
        assertEquals(TargetRange.UNBOUNDED, m.device().targetRange());
        assertEquals(ProgrammingNoiseExtrapolation.ABSOLUTE, m.device().programming().extrapolation());
        assertEquals(ReadNoiseNormalization.SLICE_MAX, m.device().readNoiseNormalization());
        assertEquals("-published", m.fileSuffix());
    }

    @Test
    void anExplicitOptionOverridesThePresetInEitherOrder() {
        for (String[] args : new String[][] {{"--conventions", "published", "--target-range", "clipped"},
                {"--target-range", "clipped", "--conventions", "PUBLISHED"}}) {
            PcmDeviceModel d = parse(args).device();
            assertEquals(TargetRange.CLIPPED, d.targetRange());
            assertEquals(ProgrammingNoiseExtrapolation.ABSOLUTE, d.programming().extrapolation());
            assertEquals(ReadNoiseNormalization.SLICE_MAX, d.readNoiseNormalization());
            assertEquals("mixed", d.conventions());
        }
        ModelOptions m = parse("--conventions", "physical", "--programming-noise-beyond-fit", "absolute",
                "--read-noise-norm", "slice-max", "--programming-noise", "0.5");
        assertEquals(ProgrammingNoiseExtrapolation.ABSOLUTE, m.device().programming().extrapolation());
        assertEquals(0.5, m.device().programming().scale(), 0.0);
        assertEquals(TargetRange.CLIPPED, m.device().targetRange());
        assertEquals("-abs-sigma-slice-max", m.fileSuffix());
        // The historical name of the BitNet slice-max run is kept.
        assertEquals("-slice-max", parse("--read-noise-norm", "slice-max").fileSuffix());
        assertEquals("-unbounded", parse("--target-range", "unbounded").fileSuffix());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() throws IOException {
        for (String[] a : new String[][] {{"--conventions", "paper"}, {"--target-range", "wide"},
                {"--programming-noise-beyond-fit", "clamp"}}) {
            CliRunner r = CliRunner.run("run", "figure-4b", "--out", tmp.resolve("x").toString(), a[0], a[1]);
            assertEquals(2, r.exit, r.err);
            assertTrue(r.err.contains(a[0]) && r.err.contains(a[1]), r.err);
            assertEquals(1, r.errLines(), r.err);
        }
    }

    @Test
    void aPublishedRunIsNamedSoAndRecordsItsConventionsAndClippedDevices() throws IOException {
        Path out = tmp.resolve("figs");
        CliRunner pub = CliRunner.run("run", "figure-4b", "--trials", "2", "--format", "json", "--quiet",
                "--conventions", "published", "--out", out.toString());
        assertEquals(0, pub.exit, pub.err);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("figure-4b-published.json").toFile()).get("provenance");
        assertEquals("published", prov.get("conventions").asText());
        assertEquals("UNBOUNDED", prov.get("device").get("targetRange").asText());
        assertEquals("ABSOLUTE", prov.get("device").get("programming").get("extrapolation").asText());
        assertEquals(0, prov.get("clippedTargets").get("clippedDevices").asLong());

        CliRunner phys = CliRunner.run("run", "figure-4b", "--trials", "2", "--format", "json", "--quiet",
                "--out", out.toString());
        assertEquals(0, phys.exit, phys.err);
        assertTrue(Files.exists(out.resolve("figure-4b.json")));
        prov = new ObjectMapper().readTree(out.resolve("figure-4b.json").toFile()).get("provenance");
        assertEquals("physical", prov.get("conventions").asText());
        JsonNode clipped = prov.get("clippedTargets");
        assertEquals("CLIPPED", clipped.get("targetRange").asText());
        assertTrue(clipped.get("clippedDevices").asLong() > 0, clipped.toString());
        long sum = 0;
        for (JsonNode c : clipped.get("perConfiguration")) {
            assertTrue(c.get("configuration").asText().startsWith("max-fill-ec"), c.toString());
            sum += c.get("clippedDevices").asLong();
        }
        assertEquals(clipped.get("clippedDevices").asLong(), sum);
    }
}
