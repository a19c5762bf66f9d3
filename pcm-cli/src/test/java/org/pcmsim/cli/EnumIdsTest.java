package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcmsim.device.ReadNoiseNormalization;
import picocli.CommandLine.TypeConversionException;

/** Command-line names of closed choices come from the enum: values, completion and the error message. */
class EnumIdsTest {

    @Test
    void namesAreLowerCaseWithDashesAndCaseInsensitive() {
        EnumIds.NormalizationIds ids = new EnumIds.NormalizationIds();
        assertEquals(ReadNoiseNormalization.SLICE_MAX, ids.convert("slice-max"));
        assertEquals(ReadNoiseNormalization.G_MAX, ids.convert("G-MAX"));
        List<String> candidates = new ArrayList<>();
        ids.forEach(candidates::add);
        assertEquals(List.of("g-max", "slice-max"), candidates);
    }

    @Test
    void anUnknownValueNamesItselfAndEveryChoice() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new EnumIds.TargetRangeIds().convert("clip"));
        assertEquals("'clip', expected clipped or unbounded", e.getMessage());
    }
}
