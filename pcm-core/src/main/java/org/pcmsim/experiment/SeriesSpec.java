package org.pcmsim.experiment;

import java.util.List;
import java.util.Objects;
import org.pcmsim.slicing.SlicingScheme;
import org.pcmsim.slicing.WeightQuantization;

/**
 * One curve of a figure: a legend label, the weight quantisation and the slicing schemes along the
 * x axis (one scheme for a time axis).
 *
 * @param label the legend label
 * @param weights the weight quantisation
 * @param schemes the slicing scheme of each point
 * @param theory whether the eq. 8 prediction is drawn beside this (Equal-fill) series
 * @param panel the panel title for a time axis (figures with an n_W or b_W axis have one panel per
 *     read time and leave this empty)
 */
public record SeriesSpec(String label, WeightQuantization weights, List<SlicingScheme> schemes, boolean theory,
                         String panel) {

    /** Validates and copies the list. */
    public SeriesSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(weights, "weights");
        schemes = List.copyOf(schemes);
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("series '" + label + "' has no points");
        }
    }
}
