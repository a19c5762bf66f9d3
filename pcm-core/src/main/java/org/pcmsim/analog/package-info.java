/**
 * Analog computing with your own matrices: {@link org.pcmsim.analog.AnalogMatrix} programs a
 * real-valued matrix of any shape on (tiled) PCM crossbars for a (seed, chip) and multiplies real
 * inputs at any time after programming, with drift compensation inside.
 */
package org.pcmsim.analog;
