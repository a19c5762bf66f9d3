package org.pcmsim.internal;

import org.pcmsim.slicing.Slicer;

/**
 * The slicing package's operations that crossbar programming needs but that are not API
 * (registered in {@link Access}).
 */
public interface SlicingAccess {
    /**
     * One Max-fill step for many weights at once (the error-corrected programming kernel): for each
     * i in [0, count), slice j's value S_j of remainder R_i into {@code values[i]}, and R_i replaced
     * by the remainder if the slice were programmed exactly; the same numbers as the one-weight
     * algorithm of {@link Slicer#slice}.
     *
     * @param slicer the slicer of the scheme
     * @param slice j
     * @param rest R of each weight before slice j, replaced by R after it
     * @param values receives S_j of each weight
     * @param count number of weights
     */
    void maxFillStep(Slicer slicer, int slice, double[] rest, double[] values, int count);
}
