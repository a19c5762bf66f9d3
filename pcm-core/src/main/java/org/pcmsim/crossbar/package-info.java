/**
 * The analog crossbar: a sliced integer weight matrix programmed onto PCM devices ("a chip") and
 * its matrix-vector multiplication, with the input DAC, one ADC per weight slice, the digital
 * shift-and-add of the slices and global drift compensation (Le Gallo, Ciric et al. 2022, section
 * 4; docs/model.md §4), and the tiling of a matrix of any shape over arrays of a fixed size.
 *
 * <p>{@link org.pcmsim.crossbar.CrossbarConfig} is the periphery as data; {@link
 * org.pcmsim.crossbar.CrossbarProgrammer} programs a chip and {@link
 * org.pcmsim.crossbar.CrossbarReader} reads it at a time t; {@link
 * org.pcmsim.crossbar.TiledCrossbar} and {@link org.pcmsim.crossbar.TiledReader} do the same for a
 * matrix larger than one array. The readers reuse buffers across reads (the hot path of the Monte
 * Carlo engine), so one reader belongs to one thread.
 */
package org.pcmsim.crossbar;
