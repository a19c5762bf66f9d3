package org.pcmsim.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A file format {@code pcm run} can write, named as on the command line and as the file extension. */
public enum OutputFormat {
    /** Raster figure, 150 dpi. */
    PNG,
    /** Vector figure. */
    SVG,
    /** The points in the long CSV schema. */
    CSV,
    /** The points with full provenance. */
    JSON;

    /** @return the lower-case name, also the file extension */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a format name such as {@code png}, any case
     * @return the format
     * @throws IllegalArgumentException naming the value and the choices if there is none
     */
    public static OutputFormat fromId(String id) {
        for (OutputFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "', expected one of " + choices());
    }

    /** @return the names, comma separated */
    public static String choices() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", "));
    }
}
