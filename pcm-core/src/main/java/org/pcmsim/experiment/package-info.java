/**
 * The published Monte Carlo experiments as data: Figures 4(a)–(c) of Le Gallo, Ciric et al. 2022
 * and the BitNet ternary-weight study, each a list of series, an x axis, read times and a trial
 * count, and the runner that turns them into figure rows with their provenance: immutable records
 * ({@link org.pcmsim.experiment.Provenance}) of the software, seed, trials and full model (docs/model.md §5).
 */
package org.pcmsim.experiment;
