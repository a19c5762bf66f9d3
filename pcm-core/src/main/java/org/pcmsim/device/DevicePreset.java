package org.pcmsim.device;

import java.util.Locale;

/**
 * PCM device models by name, for users and the command line ({@code pcm list --devices}). Each
 * preset is the fitted model of Nandakumar et al. 2019 (docs/model.md §2) with some mechanisms switched
 * off or a documented convention of the published engine, so that one mechanism's share of the
 * error can be isolated; finer control through {@link PcmDeviceModel#withProgrammingNoiseScale},
 * {@link PcmDeviceModel#withDriftScale} and {@link PcmDeviceModel#withReadNoiseScale}.
 */
public enum DevicePreset {
    /** The paper's device: programming noise, drift and 1/f read noise, Q_s normalised by G_max. */
    NANDAKUMAR_2019("nandakumar2019", "the paper's PCM device (Nandakumar et al. 2019): programming noise, drift, "
            + "1/f read noise; the default"),
    /** Every noise and drift off: programming is exact and reads return the target. */
    IDEAL("ideal", "no programming noise, no drift, no read noise: only quantisation and the ADCs remain"),
    /** Only programming noise: drift and read noise off. */
    PROGRAMMING_NOISE_ONLY("programming-noise-only", "programming noise only (drift and read noise off)"),
    /** Programming noise and read noise, no drift. */
    NO_DRIFT("no-drift", "programming and read noise, no drift (nu = 0)"),
    /** The paper's device with read noise normalised by each slice's largest target, as the published engine. */
    SLICE_MAX_READ_NOISE("slice-max-read-noise", "the paper's device with Q_s evaluated on the target normalised by "
            + "its slice's maximum (the published engine; needed for the published BitNet figure)");

    private final String id;
    private final String description;

    DevicePreset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the command-line name, e.g. {@code nandakumar2019} */
    public String id() {
        return id;
    }

    /** @return one line saying what the preset keeps and drops */
    public String description() {
        return description;
    }

    /** @return the device model */
    public PcmDeviceModel model() {
        PcmDeviceModel paper = PcmDeviceModel.nandakumar2019();
        return switch (this) {
            case NANDAKUMAR_2019 -> paper;
            case IDEAL -> paper.withProgrammingNoiseScale(0).withDriftScale(0).withReadNoiseScale(0);
            case PROGRAMMING_NOISE_ONLY -> paper.withDriftScale(0).withReadNoiseScale(0);
            case NO_DRIFT -> paper.withDriftScale(0);
            case SLICE_MAX_READ_NOISE -> paper.withReadNoiseNormalization(ReadNoiseNormalization.SLICE_MAX);
        };
    }

    /**
     * @param name a preset's {@link #id} (case-insensitive)
     * @return the preset
     * @throws IllegalArgumentException naming the value and listing the presets
     */
    public static DevicePreset byName(String name) {
        for (DevicePreset p : values()) {
            if (p.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DevicePreset p : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(p.id);
        }
        throw new IllegalArgumentException("unknown device preset '" + name + "', expected one of " + known);
    }
}
