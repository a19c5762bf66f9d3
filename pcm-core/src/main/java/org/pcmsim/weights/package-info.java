/**
 * Real-valued weight matrices of any shape: from a user's arrays or a NumPy {@code .npy} file
 * ({@link org.pcmsim.weights.Npy}), or drawn from a unit-variance distribution
 * ({@link org.pcmsim.weights.WeightDistribution}: Gaussian as in the paper, Laplace, Student-t,
 * uniform), and their k·σ integer quantisation.
 */
package org.pcmsim.weights;
