/**
 * The analog crossbar: its periphery ({@link org.pcmsim.crossbar.CrossbarConfig}), programming sliced
 * weights onto PCM devices ({@link org.pcmsim.crossbar.CrossbarProgrammer}), the analog MVM with
 * per-slice ADCs and global drift compensation ({@link org.pcmsim.crossbar.CrossbarReader}), and the
 * tiling of a matrix of any shape over arrays of a fixed size ({@link org.pcmsim.crossbar.TiledCrossbar},
 * {@link org.pcmsim.crossbar.TiledReader}).
 */
package org.pcmsim.crossbar;
