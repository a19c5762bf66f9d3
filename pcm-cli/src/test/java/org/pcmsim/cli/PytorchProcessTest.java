package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.model.ResNets;

/**
 * The PyTorch half of {@code pcm bench --dnn NETWORK --vs-pytorch}: a missing Python is one line, and
 * (where Debian's python3-torch is installed) the script builds the same network as pcm-nn and
 * answers a round. No timing is asserted.
 */
class PytorchProcessTest {
    private static boolean hasTorch() {
        try {
            return new ProcessBuilder(PytorchProcess.SYSTEM_PYTHON, "-c", "import torch").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aMissingPythonIsOneLineSayingWhatToInstall() {
        PytorchProcess.Unavailable e = assertThrows(PytorchProcess.Unavailable.class, () -> PytorchProcess.start(
                List.of("/nonexistent/python3"), ResNetSpec.RESNET8_CI, 1, 28, 1, 1));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("'/nonexistent/python3'") && e.getMessage().contains("python3-torch"),
                e.getMessage());
    }

    @Test
    void theScriptBuildsTheSameNetworkAndAnswersARound() {
        assumeTrue(hasTorch(), "Debian's python3-torch is not installed");
        ResNetSpec spec = ResNetSpec.RESNET8_CI;
        JsonNode round;
        JsonNode ready;
        try (PytorchProcess p = assertDoesNotThrowUnavailable(spec)) {
            ready = p.ready();
            round = p.round();
        }
        // DL4J counts batch norm's running mean and variance as parameters (two per channel), PyTorch
        // keeps them as buffers: the rest must match weight for weight.
        ComputationGraph net = ResNets.build(spec, 1, 28, 1, null, 0, null);
        long bnChannels = 0;
        for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
            if (l.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization bn) {
                bnChannels += bn.getNOut();
            }
        }
        assertEquals(net.numParams() - 2 * bnChannels, ready.path("parameters").asLong());
        for (String key : new String[] {"train64", "train128", "conv64", "conv128", "convinfer", "infer64", "infer128", "infer256", "infer500"}) {
            assertTrue(round.path(key).size() == 2 && round.path(key).get(0).asDouble() > 0, key + " in " + round);
        }
    }

    private static PytorchProcess assertDoesNotThrowUnavailable(ResNetSpec spec) {
        try {
            return PytorchProcess.start(List.of(PytorchProcess.SYSTEM_PYTHON), spec, 1, 28, 1, 1);
        } catch (PytorchProcess.Unavailable e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
