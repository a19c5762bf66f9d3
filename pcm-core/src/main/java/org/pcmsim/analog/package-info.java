/**
 * Analog computing with your own matrices: {@link org.pcmsim.analog.AnalogMatrix} programs a
 * real-valued matrix of any shape on (tiled) PCM crossbars for a (seed, chip) and multiplies real
 * inputs at any time after programming, with drift compensation inside: the MVM of Le Gallo,
 * Ciric et al. 2022, section 4, on matrices of any shape (docs/model.md §4b).
 */
package org.pcmsim.analog;
