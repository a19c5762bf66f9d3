package org.pcmsim.crossbar;

/** How the 1/f read noise of an MVM is sampled. Both are exact; they differ in cost. */
public enum ReadNoiseSampling {
    /**
     * One normal per device per read, as the device law is written: N² draws per slice per read.
     */
    PER_DEVICE,
    /**
     * One correlated pair of normals per output line per slice per read. The read noise of one
     * output, Σ_k G_ik X_k Q_ik f(t) ξ_ik, is a single Gaussian of variance f² Σ_k (G_ik Q_ik X_k)²;
     * the data and calibration inputs read the same devices, so their two noise terms are jointly
     * Gaussian with a known 2 × 2 covariance. Exact in distribution, N draws instead of N².
     */
    AGGREGATED
}
