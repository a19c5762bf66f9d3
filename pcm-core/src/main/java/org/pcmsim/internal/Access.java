package org.pcmsim.internal;

/**
 * Where the unexported operations of pcm-core's concept packages meet the packages that need them:
 * the Monte Carlo engine's hot path reads a crossbar slice by slice, lends one chip's storage to
 * the next, and programs error-corrected slices in whole-slice steps, none of which belongs in the
 * API. Each operation stays package-private in its own package, which registers an implementation
 * here when its classes load (the pattern of the JDK's {@code jdk.internal.access.SharedSecrets});
 * an accessor that finds nothing registered loads that class first. Not part of the public API.
 */
public final class Access {
    private static volatile CrossbarAccess crossbar;
    private static volatile SlicingAccess slicing;

    private Access() {
    }

    /**
     * Called once by {@code org.pcmsim.crossbar} when it loads.
     *
     * @param access the crossbar package's operations
     */
    public static void register(CrossbarAccess access) {
        crossbar = access;
    }

    /**
     * Called once by {@code org.pcmsim.slicing} when it loads.
     *
     * @param access the slicing package's operations
     */
    public static void register(SlicingAccess access) {
        slicing = access;
    }

    /** @return the crossbar package's unexported operations */
    public static CrossbarAccess crossbar() {
        CrossbarAccess a = crossbar;
        if (a == null) {
            load("org.pcmsim.crossbar.CrossbarProgrammer");
            a = crossbar;
        }
        return a;
    }

    /** @return the slicing package's unexported operations */
    public static SlicingAccess slicing() {
        SlicingAccess a = slicing;
        if (a == null) {
            load("org.pcmsim.slicing.Slicer");
            a = slicing;
        }
        return a;
    }

    /** Initialises a class, whose static initialiser registers its package's operations. */
    private static void load(String className) {
        try {
            Class.forName(className, true, Access.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("pcm-core is incomplete: " + className + " is missing", e);
        }
    }
}
