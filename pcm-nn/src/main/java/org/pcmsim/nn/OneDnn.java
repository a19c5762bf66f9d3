package org.pcmsim.nn;

/**
 * Switches on DL4J's oneDNN layer helpers, which run convolution, batch norm and pooling through
 * libnd4j's own ops (oneDNN in the {@code linux-x86_64-onednn} native jar) instead of DL4J's slow
 * im2col path. DL4J 1.0.0-M2.1 disables them unless the system property
 * {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false}, and its availability check
 * needs the class {@code org.nd4j.nativeblas.Nd4jCpu} from the opt-in module
 * {@code org.pcmsim:pcm-onednn-compat} on the classpath (the {@code pcm} CLI has it). Without that
 * module DL4J silently uses its own im2col path: the same numbers, several times slower. Helpers are
 * chosen when a layer is created, so call this before building or loading a network. A value the
 * user set explicitly is kept.
 */
public final class OneDnn {
    /** DL4J's switch; "true" (the default) disables all helpers. */
    public static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnn() {
    }

    /** Enables the helpers unless the user chose otherwise with {@code -D}. */
    public static void enableHelpers() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }

    /** @return whether helpers will be created for new layers */
    public static boolean helpersEnabled() {
        return !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    }
}
