/**
 * The figures {@code pcm run} can produce, by name: the Monte Carlo MVM figures from pcm-core's
 * experiments and the DNN figures from pcm-nn, each returning a figure result with provenance: Figures 4(a)–(c) and 5 of Le Gallo, Ciric et al.
 * 2022 and this project's extensions (docs/model.md §5, §6, §9; docs/figures.md).
 */
package org.pcmsim.cli.figures;
