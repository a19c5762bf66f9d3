package org.pcmsim.cli.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/**
 * A line of text across a horizontal band of the figure (the title, the provenance foot), shrunk
 * and if need be broken in two so that it fits the width.
 *
 * @param top top of the band, px
 * @param band height of the band, px
 * @param size the preferred font size, pt
 * @param oneLineMin the smallest size tried on one line
 * @param twoLineMin the smallest size tried on two lines
 * @param center centred, else left-aligned at 24 px
 * @param separator where the text may break (", " in titles, " · " in provenance lines)
 */
record TextBand(int top, int band, int size, int oneLineMin, int twoLineMin, boolean center, String separator) {
    private static final int MARGIN = 24;

    /**
     * Draws text in the band: on one line at the largest size from {@code size} down to
     * {@code oneLineMin} that fits the width, else on two lines broken at the separator nearest the
     * middle, at the largest size down to {@code twoLineMin} that fits (long titles of one-panel
     * figures, long provenance lines).
     *
     * @param g the graphics, in the figure's colour for this text
     * @param text the text
     * @param width the figure's width, px
     */
    void draw(Graphics2D g, String text, int width) {
        int room = width - 2 * MARGIN;
        for (int s = size; s >= oneLineMin; s--) {
            g.setFont(new Font(FigurePlotter.FONT, Font.PLAIN, s));
            FontMetrics fm = g.getFontMetrics();
            if (fm.stringWidth(text) <= room || s == oneLineMin && text.indexOf(separator) < 0) {
                float y = top + (band - fm.getHeight()) / 2f + fm.getAscent();
                g.drawString(text, center ? (width - fm.stringWidth(text)) / 2f : MARGIN, y);
                return;
            }
        }
        int mid = text.length() / 2;
        int before = text.lastIndexOf(separator, mid);
        int after = text.indexOf(separator, mid);
        int at = before < 0 ? after : after < 0 ? before : mid - before <= after - mid ? before : after;
        String[] lines = {text.substring(0, at + separator.stripTrailing().length()).strip(),
            text.substring(at + separator.length()).strip()};
        for (int s = Math.min(size, oneLineMin); s >= twoLineMin; s--) {
            g.setFont(new Font(FigurePlotter.FONT, Font.PLAIN, s));
            FontMetrics fm = g.getFontMetrics();
            boolean fits = fm.stringWidth(lines[0]) <= room && fm.stringWidth(lines[1]) <= room
                    && 2 * fm.getHeight() <= band;
            if (fits || s == twoLineMin) {
                float y = top + (band - 2 * fm.getHeight()) / 2f + fm.getAscent();
                for (String line : lines) {
                    g.drawString(line, center ? (width - fm.stringWidth(line)) / 2f : MARGIN, y);
                    y += fm.getHeight();
                }
                return;
            }
        }
    }
}
