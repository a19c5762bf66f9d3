/** Plots of figure results with XChart, in the published layout, as PNG and SVG. */
package org.pcmsim.cli.plot;
