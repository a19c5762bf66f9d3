package org.pcmsim.nn.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pcmsim.Build;
import org.pcmsim.device.PcmDeviceModel;
import org.pcmsim.experiment.Provenance;

/**
 * The provenance of the DNN periphery study ({@link PeripheryStudy}): the data and network, the chips,
 * the one configuration and read time, every converter setting compared, and the software.
 *
 * @param dataset the dataset's name in titles
 * @param datasetId its id on the command line
 * @param testImages test images every chip is evaluated on
 * @param network the ResNet
 * @param modelFile the saved model
 * @param seed the root seed
 * @param chips chips per setting and n_W
 * @param chipIndex how chips are numbered (the same chips in every setting)
 * @param readTimeS the one read time, s after programming
 * @param configuration the slicing configuration every setting uses
 * @param settings each setting's label and converters, in plotting order
 * @param adcRange how the ADC's full scale is set
 * @param dacInputScaling how inputs are scaled to the DAC
 * @param digitalAccuracyPercent the digital baseline's accuracy, percent
 * @param device the device preset
 * @param deviceModel every parameter of the device model (the preset with the noise scales); null only in
 *     records written by version 0.1.0
 * @param noiseScales the programming, drift and read-noise scales
 * @param evalBatchSize images per forward pass
 * @param evalThreads evaluation threads
 * @param onednnHelpers whether DL4J's oneDNN helpers ran the convolutions
 * @param seconds the study's wall time, s
 * @param build the software
 */
public record DnnPeripheryProvenance(String dataset, String datasetId, int testImages, String network,
                                     String modelFile, long seed, int chips, String chipIndex, double readTimeS,
                                     String configuration, Map<String, String> settings, String adcRange,
                                     String dacInputScaling, double digitalAccuracyPercent, String device,
                                     PcmDeviceModel deviceModel, String noiseScales, int evalBatchSize, int evalThreads, boolean onednnHelpers,
                                     double seconds, Build build) implements Provenance {

    /** Copies the settings (keeping their order); the names and the build are required. */
    public DnnPeripheryProvenance {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(build, "build");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be >= 1, got " + chips);
        }
    }
}
