/**
 * Plots of figure results with XChart, as PNG and SVG, in the layout of the published figures of
 * Le Gallo, Ciric et al. 2022 (docs/figures.md shows them side by side): a figure is a list of
 * panels, a series' look is data ({@code SeriesStyle}), and {@code FigurePlotter} draws them.
 */
package org.pcmsim.cli.plot;
