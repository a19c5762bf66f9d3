package org.pcmsim.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.pcmsim.cli.figures.DnnRequest;
import org.pcmsim.crossbar.ReadNoiseSampling;
import org.pcmsim.device.Conventions;
import org.pcmsim.device.DevicePreset;
import org.pcmsim.device.ProgrammingNoiseExtrapolation;
import org.pcmsim.device.ReadNoiseNormalization;
import org.pcmsim.device.TargetRange;
import org.pcmsim.nn.experiment.DatasetKind;
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

    /** @return the accepted names, in the order help, completion and errors list them */
    List<String> ids() {
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

    /** {@code --dataset}, listed alphabetically (as its help and errors always have). */
    static final class DatasetIds extends EnumIds<DatasetKind> {
        DatasetIds() {
            super(DatasetKind.class);
        }

        @Override
        List<String> ids() {
            return super.ids().stream().sorted().toList();
        }
    }

    /**
     * {@code --device}: the presets go by their own ids ({@code nandakumar2019}), not the constant
     * names, so the converter and the error are {@link DevicePreset#byName}'s.
     */
    static final class DeviceIds implements ITypeConverter<DevicePreset>, Iterable<String> {
        @Override
        public DevicePreset convert(String value) {
            try {
                return DevicePreset.byName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DevicePreset.values()).map(DevicePreset::id).iterator();
        }
    }
}
