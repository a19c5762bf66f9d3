/**
 * Real-valued weight matrices of any shape: from a user's arrays or a NumPy {@code .npy} file
 * ({@link org.pcmsim.weights.Npy}), or drawn from a unit-variance distribution
 * ({@link org.pcmsim.weights.WeightDistribution}: Gaussian as in the paper, Laplace, Student-t,
 * uniform), and their k·σ integer quantisation: the paper's Gaussian weights (Le Gallo, Ciric et al.
 * 2022, section 4) generalised to real layers; docs/model.md §4b.
 */
package org.pcmsim.weights;
