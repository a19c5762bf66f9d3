/**
 * The figures {@code pcm run} can produce, by name: the Monte Carlo MVM figures from pcm-core's
 * experiments and the DNN figures from pcm-nn, each returning a figure result with provenance.
 */
package org.pcmsim.cli.figures;
