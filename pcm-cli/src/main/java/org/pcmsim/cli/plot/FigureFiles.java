package org.pcmsim.cli.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Encodes a {@link FigurePlotter.Figure} as PNG (150 dpi, with text chunks) or SVG. */
public final class FigureFiles {
    private static final Pattern CLIP_ID = Pattern.compile("\\bclip-?\\d+\\b");

    private FigureFiles() {
    }

    /**
     * @param fig the figure
     * @return the figure rendered to an RGB image of {@code fig.width() × fig.height()} px
     */
    public static BufferedImage render(FigurePlotter.Figure fig) {
        BufferedImage img = new BufferedImage(fig.width(), fig.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            fig.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Writes a PNG that records its resolution (pHYs, {@value FigurePlotter#DPI} dpi) and carries the
     * title, the software and the provenance line as text chunks.
     *
     * @param fig the figure
     * @param software e.g. {@code pcm-sim 0.1.0}
     * @param out where to write; not closed
     * @throws IOException if encoding or writing fails
     */
    public static void writePng(FigurePlotter.Figure fig, String software, OutputStream out) throws IOException {
        BufferedImage img = render(fig);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG encoder in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode root = new IIOMetadataNode(format);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = Integer.toString((int) Math.round(FigurePlotter.DPI / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            root.appendChild(phys);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(textEntry("Title", fig.title()));
            text.appendChild(textEntry("Software", software));
            text.appendChild(textEntry("Comment", fig.foot()));
            root.appendChild(text);
            meta.mergeTree(format, root);
            ImageOutputStream ios = ImageIO.createImageOutputStream(out);
            try {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), param);
            } finally {
                ios.flush();
                // Closing an ImageOutputStream does not close the stream it wraps.
                ios.close();
            }
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode textEntry(String key, String value) {
        IIOMetadataNode e = new IIOMetadataNode("tEXtEntry");
        e.setAttribute("keyword", key);
        // tEXt is Latin-1; keep what fits and spell the rest out.
        e.setAttribute("value", latin1(value));
        return e;
    }

    static String latin1(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch <= 0xFF) {
                b.append(ch);
            } else {
                b.append(switch (ch) {
                    case '\u03b7' -> "eta";
                    case '\u2080' -> "0";
                    case '\u03c3' -> "sigma";
                    default -> "?";
                });
            }
        }
        return b.toString();
    }

    /**
     * VectorGraphics2D names clip paths after object hash codes, which change from run to run;
     * numbering them in order of appearance makes the same figure give the same file.
     */
    static String stableIds(String svg) {
        Matcher m = CLIP_ID.matcher(svg);
        Map<String, String> ids = new HashMap<>();
        StringBuilder b = new StringBuilder(svg.length());
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1));
            m.appendReplacement(b, id);
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * @param fig the figure
     * @param out where to write UTF-8 SVG; not closed
     * @throws IOException if writing fails
     */
    public static void writeSvg(FigurePlotter.Figure fig, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        fig.paint(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(),
                new PageSize(0.0, 0.0, fig.width(), fig.height()));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        doc.writeTo(buf);
        out.write(stableIds(buf.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
