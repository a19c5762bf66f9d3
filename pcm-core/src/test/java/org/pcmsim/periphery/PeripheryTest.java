package org.pcmsim.periphery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeripheryTest {

    private static String rejected(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void idealHasEveryEffectOff() {
        Periphery p = Periphery.IDEAL;
        assertTrue(p.isIdeal());
        assertTrue(p.idealAdc() && p.idealDac() && p.idealWires());
        assertEquals(IrDropModel.NONE, p.irDropModel());
        assertEquals(25.0, p.deviceConductanceMicroSiemens());
        assertEquals("ideal", p.describe());
    }

    @Test
    void presetsSayWhatIsOn() {
        assertEquals("adc-noise=0.5lsb", Periphery.ADC_NOISE_HALF_LSB.describe());
        assertEquals("ir-drop=1ohm/first-order", Periphery.IR_DROP_ONE_OHM.describe());
        assertEquals(2.5e-5, Periphery.IR_DROP_ONE_OHM.wireToDeviceRatio(), 1e-18);
        // aihwkit's PCM setting: ir_drop_g_ratio = 1 / (0.35 Ω × 25 µS) = 114 286.
        assertEquals(114_285.714, 1 / Periphery.IR_DROP_AIHWKIT.wireToDeviceRatio(), 1e-3);
        assertFalse(Periphery.IR_DROP_AIHWKIT.isIdeal());
        Periphery all = Periphery.IDEAL.withAdcNoise(1).withAdcMismatch(0.01, 0.5).withDac(0.2, 0.5)
                .withIrDrop(2, IrDropModel.EXACT).withDeviceConductance(10);
        assertEquals("adc-noise=1lsb;adc-gain-mismatch=0.01;adc-offset-mismatch=0.5lsb;dac-noise=0.2lsb"
                + ";dac-inl=0.5lsb;ir-drop=2ohm/exact@10uS", all.describe());
    }

    @Test
    void badValuesAreRejectedByName() {
        Periphery p = Periphery.IDEAL;
        assertEquals("adcNoiseLsb must be >= 0 and finite, got -0.5", rejected(() -> p.withAdcNoise(-0.5)));
        assertEquals("adcNoiseLsb must be >= 0 and finite, got NaN", rejected(() -> p.withAdcNoise(Double.NaN)));
        assertEquals("adcGainMismatch must be >= 0 and finite, got NaN",
                rejected(() -> p.withAdcMismatch(Double.NaN, 0)));
        assertEquals("adcGainMismatch must be <= 0.5 (a relative σ), got 0.7",
                rejected(() -> p.withAdcMismatch(0.7, 0)));
        assertEquals("adcOffsetMismatchLsb must be >= 0 and finite, got -1.0",
                rejected(() -> p.withAdcMismatch(0, -1)));
        assertEquals("dacNoiseLsb must be >= 0 and finite, got Infinity",
                rejected(() -> p.withDac(Double.POSITIVE_INFINITY, 0)));
        assertEquals("dacInlLsb must be >= 0 and finite, got NaN", rejected(() -> p.withDac(0, Double.NaN)));
        assertEquals("wireResistanceOhm must be >= 0 and finite, got -1.0",
                rejected(() -> p.withIrDrop(-1, IrDropModel.EXACT)));
        assertEquals("wireResistanceOhm must be >= 0 and finite, got NaN",
                rejected(() -> p.withIrDrop(Double.NaN, IrDropModel.FIRST_ORDER)));
        assertEquals("deviceConductanceMicroSiemens must be > 0 and finite, got 0.0",
                rejected(() -> p.withDeviceConductance(0)));
        assertEquals("deviceConductanceMicroSiemens must be > 0 and finite, got NaN",
                rejected(() -> p.withDeviceConductance(Double.NaN)));
        assertEquals("wireResistanceOhm is 1.0 but irDropModel is NONE; choose FIRST_ORDER or EXACT",
                rejected(() -> p.withIrDrop(1, IrDropModel.NONE)));
        assertEquals("irDropModel must be NONE, FIRST_ORDER or EXACT, got null",
                rejected(() -> p.withIrDrop(0, null)));
    }

    @Test
    void aModelWithoutResistanceIsStillIdealWires() {
        Periphery p = Periphery.IDEAL.withIrDrop(0, IrDropModel.EXACT);
        assertTrue(p.idealWires());
        assertTrue(p.isIdeal());
    }
}
