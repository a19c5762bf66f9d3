package org.pcmsim.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pcmsim.cli.TestProvenance;
import org.pcmsim.experiment.FigureResult;
import org.pcmsim.experiment.ReadTimes;
import org.pcmsim.experiment.ResultRow;
import org.pcmsim.experiment.XAxis;

/** The plotter works from a FigureResult alone, whatever produced it. */
class FigurePlotterTest {

    /** A Figure-5a-like result: accuracy over time, one panel, made up here. */
    private static FigureResult accuracyOverTime() {
        double[] times = ReadTimes.figure4c();
        List<ResultRow> rows = new ArrayList<>();
        Map<String, String> panels = new LinkedHashMap<>();
        for (int n : new int[] {1, 2, 4, 8}) {
            String label = "Max-fill n_W=" + n;
            panels.put(label, "ResNet-32 on CIFAR-10");
            for (double t : times) {
                double acc = 93 - 6.0 / n * Math.log10(t / 20 + 1);
                rows.add(new ResultRow("5a", label, "int9", "max-fill", 1, n, t, 10, "accuracy", acc, 0.4));
            }
        }
        return new FigureResult("figure-5a", "5a", "Figure 5(a): accuracy over time", XAxis.TIME, times, panels,
                rows, TestProvenance.mvm(10));
    }

    @Test
    void accuracyFigureGetsAnAccuracyAxisAndOnePanel() throws IOException {
        FigureResult r = accuracyOverTime();
        assertEquals("Test accuracy (%)", Labels.yTitle(r));
        FigurePlotter.Figure fig = FigurePlotter.plot(r);
        assertEquals(FigurePlotter.PANEL_WIDTH, fig.width());
        assertTrue(fig.title().contains("10 chips per point"), fig.title());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        FigureFiles.writePng(fig, "test", png);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertEquals(FigurePlotter.PANEL_WIDTH, img.getWidth());
        assertEquals(FigurePlotter.HEIGHT, img.getHeight());
    }

    @Test
    void etaFigureByReadTimeHasOnePanelPerTime() {
        double[] times = {ReadTimes.T0, ReadTimes.MONTH};
        List<ResultRow> rows = new ArrayList<>();
        for (double t : times) {
            for (int n : new int[] {1, 2, 4, 8}) {
                rows.add(new ResultRow("4a", "b_W=1, Equal-fill", "int9", "equal-fill", 1, n, t, 3, "eta",
                        0.1 / Math.sqrt(n), 0.01));
                rows.add(new ResultRow("4a", "Theory b_W=1", "int9", "equal-fill", 1, n, t, 3, "eta_theory",
                        0.1 / Math.sqrt(n), Double.NaN));
            }
        }
        FigureResult r = new FigureResult("figure-4a", "4a", "t", XAxis.N_SLICES, times, Map.of(), rows,
                TestProvenance.mvm(2));
        List<Panel> panels = Panel.of(r);
        assertEquals(2, panels.size());
        assertEquals(2, panels.get(0).curves().size());
        assertTrue(panels.get(0).curves().get(0).theory(), "theory is drawn first");
        assertEquals("Normalised MVM error η", Labels.yTitle(r));
        assertEquals(2 * FigurePlotter.PANEL_WIDTH, FigurePlotter.plot(r).width());
    }

    @Test
    void accuracyBySlicesWithADigitalBaselineDraws() {
        double[] times = {ReadTimes.T0, ReadTimes.MONTH};
        List<ResultRow> rows = new ArrayList<>();
        for (double t : times) {
            rows.add(new ResultRow("5c", "Digital baseline", "int9", "digital", 0, 0, t, 1, "accuracy", 93.5, 0));
            for (int n : new int[] {1, 2, 4, 8}) {
                rows.add(new ResultRow("5c", "Max-fill b_W=2", "int9", "max-fill", 2, n, t, 5, "accuracy",
                        92 - 4.0 / n, 0.3));
            }
        }
        FigureResult r = new FigureResult("figure-5c", "5c", "t", XAxis.N_SLICES, times, Map.of(), rows,
                TestProvenance.mvm(2));
        FigurePlotter.Figure fig = FigurePlotter.plot(r);
        BufferedImage img = FigureFiles.render(fig);
        assertEquals(2 * FigurePlotter.PANEL_WIDTH, img.getWidth());
        assertEquals("Test accuracy (%)", Labels.yTitle(r));
    }

    @Test
    void timeTicksAreTheNamedTimesInsideTheRange() {
        List<XTicks.Tick> ticks = XTicks.times(ReadTimes.T0, ReadTimes.YEAR);
        assertEquals(List.of("t₀", "1h", "1d", "1mo", "1yr"), ticks.stream().map(XTicks.Tick::label).toList());
        assertEquals(2, XTicks.times(ReadTimes.T0, ReadTimes.HOUR).size());
    }

    @Test
    void humanTimes() {
        assertEquals("1 month", Labels.humanTime(ReadTimes.MONTH));
        assertEquals("1 day", Labels.humanTime(ReadTimes.DAY));
        assertEquals("2.5 h", Labels.humanTime(2.5 * ReadTimes.HOUR));
    }

    /** The BitNet-like panel: three algorithms at n_W = 4 and a lone n_W = 1 series, its baseline. */
    @Test
    void aLoneSingleSliceSeriesAmongOneSliceCountIsTheBaselineWhateverItsLabel() {
        double[] times = {ReadTimes.T0, ReadTimes.DAY};
        List<ResultRow> rows = new ArrayList<>();
        String[][] series = {{"A", "max-fill-ec", "4"}, {"B", "max-fill", "4"}, {"C", "equal-fill", "4"},
            {"D", "equal-fill", "1"}};
        for (String[] s : series) {
            for (double t : times) {
                rows.add(new ResultRow("x", s[0], "int9", s[1], 1, Integer.parseInt(s[2]), t, 5, "eta", 0.1, 0.01));
            }
        }
        FigureResult r = new FigureResult("x", "x", "x", XAxis.TIME, times, Map.of(), rows,
                TestProvenance.mvm(5));
        List<SeriesRole> roles = Panel.of(r).get(0).curves().stream().map(Curve::role).toList();
        assertEquals(List.of(SeriesRole.ANALOG, SeriesRole.ANALOG, SeriesRole.ANALOG, SeriesRole.BASELINE), roles);
        // With n_W = 1 of every algorithm (Figure 4(c)), no series is singled out.
        List<ResultRow> mixed = new ArrayList<>(rows);
        mixed.add(new ResultRow("x", "E", "int9", "max-fill", 1, 1, times[0], 5, "eta", 0.1, 0.01));
        FigureResult m = new FigureResult("x", "x", "x", XAxis.TIME, times, Map.of(), mixed,
                TestProvenance.mvm(5));
        assertTrue(Panel.of(m).get(0).curves().stream().allMatch(c -> c.role() == SeriesRole.ANALOG));
    }

    /**
     * The periphery figure's panel: 3 algorithms x 4 peripheries. Colour follows the algorithm, line and
     * marker the periphery, from the typed columns whatever the labels say; the legend keys the two.
     */
    @Test
    void algorithmsUnderSeveralPeripheriesGetColourByAlgorithmAndLineByPeriphery() {
        double[] times = {ReadTimes.T0};
        String[] algorithms = {"equal-fill", "max-fill", "max-fill-ec"};
        String[] peripheries = {"adc-noise=1lsb", "ideal", "ir-drop=0.35ohm/first-order",
            "adc-noise=1lsb;ir-drop=0.35ohm/first-order"};
        List<ResultRow> rows = new ArrayList<>();
        int label = 0;
        for (String p : peripheries) {
            for (String a : algorithms) {
                String series = "S" + label++;
                for (int n : new int[] {1, 2, 4, 8}) {
                    rows.add(new ResultRow("p", series, "int9", a, 1, n, times[0], 5, "eta", 0.1 / n, 0.01,
                            "gaussian", "128x128", 3, p));
                }
            }
        }
        FigureResult r = new FigureResult("p", "p", "p", XAxis.N_SLICES, times, Map.of(), rows,
                TestProvenance.mvm(5));
        Panel panel = Panel.of(r).get(0);
        assertTrue(PeripheryKey.applies(panel));
        List<SeriesStyle> styles = SeriesStyle.of(XAxis.N_SLICES, panel);
        for (int i = 0; i < panel.curves().size(); i++) {
            for (int j = 0; j < panel.curves().size(); j++) {
                Curve a = panel.curves().get(i);
                Curve b = panel.curves().get(j);
                assertEquals(a.algorithm().equals(b.algorithm()), styles.get(i).colour().equals(styles.get(j).colour()));
                boolean samePeriphery = a.periphery().equals(b.periphery());
                assertEquals(samePeriphery, styles.get(i).dash() == styles.get(j).dash());
                assertEquals(samePeriphery, styles.get(i).marker().equals(styles.get(j).marker()));
            }
        }
        // The ideal periphery is solid even where it is not the first in the rows.
        assertEquals(LineDash.SOLID, styles.get(3).dash());
        assertEquals("ideal", panel.curves().get(3).periphery());
        List<String> legend = PeripheryKey.legend(panel, styles).stream().map(LegendEntry::label).toList();
        assertEquals(List.of("Equal-fill", "Max-fill", "Max-fill EC", "ideal periphery", "ADC noise 1 LSB",
                "IR drop 0.35 \u03a9", "ADC noise 1 LSB + IR drop 0.35 \u03a9"), legend);
        assertEquals(FigurePlotter.PANEL_WIDTH, FigureFiles.render(FigurePlotter.plot(r)).getWidth());
    }

    /**
     * The DNN periphery panel: one algorithm under five peripheries and the digital reference (one point
     * per n_W). The fifth periphery's marker (a cross) was the digital reference's too; the reference
     * now has a style of its own, which no analog curve shares in colour or marker.
     */
    @Test
    void digitalReferenceSharesNoMarkerWithAPeriphery() {
        double[] times = {ReadTimes.MONTH};
        String[] peripheries = {"ideal", "dac9;adc8;ideal", "dac9;adc8;adc-noise=1lsb",
            "dac9;adc8;ir-drop=1ohm/first-order", "dac9;adc8;adc-noise=1lsb;ir-drop=1ohm/first-order"};
        List<ResultRow> rows = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8}) {
            rows.add(new ResultRow("d", "Digital baseline", "float32", "digital", 0, n, times[0], 5, "accuracy", 85,
                    0, "", "", Double.NaN, "ideal"));
        }
        for (String p : peripheries) {
            for (int n : new int[] {1, 2, 4, 8}) {
                rows.add(new ResultRow("d", p, "int9", "max-fill", 1, n, times[0], 5, "accuracy", 80 + n / 2.0, 0.5,
                        "", "", Double.NaN, p));
            }
        }
        FigureResult r = new FigureResult("d", "d", "d", XAxis.N_SLICES, times, Map.of(), rows, TestProvenance.mvm(5));
        Panel panel = Panel.of(r).get(0);
        assertTrue(PeripheryKey.applies(panel));
        List<SeriesStyle> styles = SeriesStyle.of(XAxis.N_SLICES, panel);
        int digital = -1;
        for (int i = 0; i < panel.curves().size(); i++) {
            if (panel.curves().get(i).role() != SeriesRole.ANALOG) {
                digital = i;
            }
        }
        assertTrue(digital >= 0);
        assertEquals(SeriesStyle.REFERENCE, styles.get(digital));
        List<LegendEntry> legend = PeripheryKey.legend(panel, styles);
        for (LegendEntry e : legend.subList(0, legend.size() - 1)) {
            assertTrue(!e.style().equals(SeriesStyle.REFERENCE), e.label());
            assertTrue(e.style().marker() != SeriesStyle.REFERENCE.marker()
                    || !e.style().colour().equals(SeriesStyle.REFERENCE.colour()), e.label());
        }
        assertEquals(SeriesStyle.REFERENCE, legend.get(legend.size() - 1).style());
    }

    /** Every figure run under one periphery keeps the per-curve legend and styles. */
    @Test
    void onePeripheryIsNoComparison() {
        double[] times = {ReadTimes.T0};
        List<ResultRow> rows = new ArrayList<>();
        for (String a : new String[] {"equal-fill", "max-fill"}) {
            rows.add(new ResultRow("p", a, "int9", a, 1, 2, times[0], 5, "eta", 0.1, 0.01, "gaussian", "128x128", 3,
                    "adc-noise=1lsb"));
        }
        FigureResult r = new FigureResult("p", "p", "p", XAxis.N_SLICES, times, Map.of(), rows,
                TestProvenance.mvm(2));
        assertTrue(!PeripheryKey.applies(Panel.of(r).get(0)));
    }

    @Test
    void peripheryWords() {
        assertEquals("IR drop 2 \u03a9 (exact solve) at 30 \u00b5S", Labels.periphery("ir-drop=2ohm/exact@30uS"));
        assertEquals("DAC INL 0.5 LSB + something=1", Labels.periphery("dac-inl=0.5lsb;something=1"));
    }
}
