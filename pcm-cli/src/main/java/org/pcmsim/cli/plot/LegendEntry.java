package org.pcmsim.cli.plot;

/**
 * One line of a legend that is not one curve: a key to a colour or to a line and marker shared by
 * several curves ({@link PeripheryKey}).
 *
 * @param label the legend text
 * @param style how the key is drawn
 */
record LegendEntry(String label, SeriesStyle style) {
}
