package org.pcmsim.crossbar;

/**
 * Which outputs share one global-drift-compensation calibration (docs/model.md §4.6) when a matrix is
 * tiled over several arrays.
 */
public enum DriftCompensationScope {
    /**
     * Every tile has its own calibration c_tile(t) and factor c_tile(t0) / c_tile(t), applied to
     * its partial outputs before the digital periphery adds them: each array corrects its own drift
     * (the default; with one tile it is the paper's GDC).
     */
    PER_TILE,
    /**
     * One calibration for the whole matrix, c(t) = Σ_tiles c_tile(t): fewer digital multiplies,
     * but tiles that drift differently are corrected by the same factor.
     */
    PER_MATRIX
}
