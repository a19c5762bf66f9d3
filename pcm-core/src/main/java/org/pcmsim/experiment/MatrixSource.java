package org.pcmsim.experiment;

import java.util.Objects;
import org.pcmsim.crossbar.DriftCompensationScope;

/**
 * The user's own weight matrix a figure ran on ({@code --weights}), tiled over crossbar arrays.
 *
 * @param weightMatrix its shape, {@code rowsxcols}
 * @param weightMatrixRms its root mean square
 * @param array the tiling, e.g. {@code 3x1 tiles of 128}
 * @param driftCompensationScope where the global drift compensation is calibrated
 */
public record MatrixSource(String weightMatrix, double weightMatrixRms, String array,
                           DriftCompensationScope driftCompensationScope) {

    /** Checks every field is given. */
    public MatrixSource {
        Objects.requireNonNull(weightMatrix, "weightMatrix");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(driftCompensationScope, "driftCompensationScope");
    }
}
