package org.pcmsim.nn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.nn.analog.LayerConverters;

/**
 * The periphery study end to end on toy synthetic data: its rows, and its no-converter series, which
 * reads the very chips of Figure 5(c)'s Max-fill b_W = 1 at one month and so equals that series.
 */
class PeripheryStudyTest {
    @TempDir
    Path dir;

    @Test
    void rowsPerSettingAndNoConvertersIsFigure5csMaxFillAtOneMonth() throws Exception {
        DnnOptions o = DnnOptions.ci(dir, 3).withImages(200, 100).withEpochs(1, 1).withChips(1);
        List<PeripheryStudy.Setting> settings = List.of(new PeripheryStudy.Setting("none", LayerConverters.NONE),
                new PeripheryStudy.Setting("adc", LayerConverters.PAPER));
        FigureResult r = PeripheryStudy.run(o, settings, (d, t) -> { }, n -> { });
        assertEquals(12, r.rows().size(), "2 settings x 4 n_W, and 4 digital rows");
        assertEquals("dac9 adc8 ideal",
                assertInstanceOf(DnnPeripheryProvenance.class, r.provenance()).settings().get("adc"));
        FigureResult c = DnnExperiments.figure5c(o, (d, t) -> { });
        for (int n : DnnExperiments.FIG5_SLICES) {
            ResultRow none = row(r, "none", n);
            ResultRow fig = c.rows().stream().filter(x -> x.series().equals("Max-fill (b_W = 1)") && x.nW() == n
                    && x.timeS() == ReadTimes.MONTH).findFirst().orElseThrow();
            assertEquals(fig.mean(), none.mean(), 0.0, "n_W = " + n);
            double adc = row(r, "adc", n).mean();
            assertTrue(adc >= 0 && adc <= 100, "accuracy " + adc);
        }
    }

    private static ResultRow row(FigureResult r, String series, int n) {
        return r.rows().stream().filter(x -> x.series().equals(series) && x.nW() == n).findFirst().orElseThrow();
    }
}
