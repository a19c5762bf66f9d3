package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.DevicePreset;
import org.pcmsim.nn.experiment.DatasetKind;
import org.pcmsim.weights.WeightDistribution;

/**
 * --dataset, --device and --weight-distribution are converted by picocli: completion candidates
 * from the choices, and a bad value is one usage-error line naming the option, the value and the
 * choices, as before the converters.
 */
class ChoiceOptionsTest {

    private static List<String> candidates(Iterable<String> it) {
        List<String> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }

    @Test
    void convertersAcceptEveryChoiceAndOfferThemForCompletion() {
        assertEquals(List.of("cifar10", "fashion-mnist", "synthetic"), candidates(new EnumIds.DatasetIds()));
        assertEquals(DatasetKind.FASHION_MNIST, new EnumIds.DatasetIds().convert("Fashion-MNIST"));
        assertEquals(DevicePreset.values().length, candidates(new EnumIds.DeviceIds()).size());
        for (DevicePreset p : DevicePreset.values()) {
            assertEquals(p, new EnumIds.DeviceIds().convert(p.id()));
        }
        for (String d : candidates(new ModelOptions.Distributions())) {
            assertEquals(WeightDistribution.parse(d), new ModelOptions.Distributions().convert(d));
        }
    }

    @Test
    void aBadChoiceIsOneLineNamingOptionValueAndChoices() {
        String[][] cases = {
            {"--dataset", "cifar100", "run", "figure-5a", "--dataset", "cifar100"},
            {"--device", "pcm2", "run", "figure-4a", "--device", "pcm2"},
            {"--weight-distribution", "cauchy", "run", "figure-4c", "--weight-distribution", "cauchy"},
            {"--weight-distribution", "> 2", "run", "figure-4c", "--weight-distribution", "student-t:2"}};
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(java.util.Arrays.copyOfRange(c, 2, c.length));
            assertEquals(2, r.exit, r.err);
            assertEquals(1, r.errLines(), r.err);
            assertTrue(r.err.contains("Invalid value for option '" + c[0] + "'"), r.err);
            assertTrue(r.err.contains(c[1]), r.err);
            assertFalse(r.err.contains("\tat "), r.err);
        }
        CliRunner r = CliRunner.run("run", "figure-5a", "--dataset", "x");
        assertTrue(r.err.contains("expected cifar10, fashion-mnist or synthetic"), r.err);
        r = CliRunner.run("run", "figure-4a", "--device", "x");
        assertTrue(r.err.contains("expected one of nandakumar2019"), r.err);
    }
}
