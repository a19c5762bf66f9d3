package org.pcmsim.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.Conventions;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.device.TargetRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Closed choices on the command line: an enum constant's name there is its Java name in lower case
 * with '-' for '_' ({@code SLICE_MAX} is {@code slice-max}). One subclass per enum serves picocli as
 * both the converter ({@code converter =}) and the completion candidates ({@code completionCandidates
 * =}), so the accepted values, the shell completion and the error message ("'x', expected g-max or
 * slice-max") come from the enum itself.
 *
 * @param <E> the enum
 */
abstract class EnumIds<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    EnumIds(Class<E> type) {
        this.type = type;
    }

    /** @return the command-line name of a constant */
    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (id(e).equals(v)) {
                return e;
            }
        }
        List<String> ids = ids();
        String expected = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        throw new TypeConversionException("'" + value + "', expected " + expected);
    }

    @Override
    public Iterator<String> iterator() {
        return ids().iterator();
    }

    private List<String> ids() {
        return Arrays.stream(type.getEnumConstants()).map(EnumIds::id).toList();
    }

    /** {@code --conventions}. */
    static final class ConventionsIds extends EnumIds<Conventions> {
        ConventionsIds() {
            super(Conventions.class);
        }
    }

    /** {@code --target-range}. */
    static final class TargetRangeIds extends EnumIds<TargetRange> {
        TargetRangeIds() {
            super(TargetRange.class);
        }
    }

    /** {@code --programming-noise-beyond-fit}. */
    static final class ExtrapolationIds extends EnumIds<ProgrammingNoiseExtrapolation> {
        ExtrapolationIds() {
            super(ProgrammingNoiseExtrapolation.class);
        }
    }

    /** {@code --read-noise-norm}. */
    static final class NormalizationIds extends EnumIds<ReadNoiseNormalization> {
        NormalizationIds() {
            super(ReadNoiseNormalization.class);
        }
    }

    /** {@code --read-noise-sampler}. */
    static final class SamplingIds extends EnumIds<ReadNoiseSampling> {
        SamplingIds() {
            super(ReadNoiseSampling.class);
        }
    }

    /** {@code --ir-drop-model}. */
    static final class IrDropModelIds extends EnumIds<org.pcmsim.periphery.IrDropModel> {
        IrDropModelIds() {
            super(org.pcmsim.periphery.IrDropModel.class);
        }
    }

    /** {@code --scale}. */
    static final class ScaleIds extends EnumIds<DnnRequest.Scale> {
        ScaleIds() {
            super(DnnRequest.Scale.class);
        }
    }
}
