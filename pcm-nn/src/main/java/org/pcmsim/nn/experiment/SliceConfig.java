package org.pcmsim.nn.experiment;

import org.pcmsim.slicing.SlicingAlgorithm;

/**
 * One slicing configuration of a DNN figure: the weights of every analog layer sliced with
 * {@code algorithm} over {@code nSlices} slices of base {@code base} (docs/model.md §3).
 *
 * @param series the legend label
 * @param algorithm the slicing algorithm
 * @param base b_W
 * @param nSlices n_W
 */
record SliceConfig(String series, SlicingAlgorithm algorithm, int base, int nSlices) {
}
