package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;
import org.pcmsim.cli.plot.FigureFiles;
import org.pcmsim.cli.plot.FigurePlotter;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;

/** I/O failures are reported in one line that keeps the operating system's reason. */
class CliFailureTest {
    @Test
    void aWrappedReasonIsKept() {
        IOException wrapped = new IIOException("I/O error writing PNG file", new IOException("No space left on device"));
        assertEquals("I/O error writing PNG file: No space left on device", CliFailure.describe(wrapped));
        assertEquals("access denied: /x/y", CliFailure.describe(new AccessDeniedException("/x/y")));
        assertEquals("No space left on device", CliFailure.describe(new IOException("No space left on device")));
    }

    /** /dev/full fails every write with ENOSPC, as a full disk does. */
    @Test
    void aPngWrittenToAFullDeviceSaysNoSpaceLeft() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "Linux /dev/full");
        double[] times = {20};
        FigureResult r = new FigureResult("figure-4a", "4a", "t", XAxis.N_SLICES, times, Map.of("s", ""),
                List.of(new ResultRow("4a", "s", "int9", "max-fill", 1, 1, 20, 2, "eta", 0.1, 0.01),
                        new ResultRow("4a", "s", "int9", "max-fill", 1, 2, 20, 2, "eta", 0.05, 0.01)),
                TestProvenance.mvm(2));
        FigurePlotter.Figure fig = FigurePlotter.plot(r);
        for (String format : List.of("png", "svg")) {
            IOException e = assertThrows(IOException.class, () -> {
                try (OutputStream out = new FileOutputStream("/dev/full")) {
                    if (format.equals("png")) {
                        FigureFiles.writePng(fig, "test", out);
                    } else {
                        FigureFiles.writeSvg(fig, out);
                    }
                }
            });
            String line = CliFailure.describe(e);
            assertTrue(line.toLowerCase(java.util.Locale.ROOT).contains("no space left on device"), format + ": " + line);
        }
    }
}
