package org.nd4j.nativeblas;

/**
 * Compatibility shim, not part of ND4J: DL4J 1.0.0-M2.1 decides whether to use its oneDNN layer
 * helpers (convolution, batch norm, pooling through libnd4j's own ops) by reflectively calling
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}, a class that
 * nd4j-native 1.0.0-M2.1 renamed to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}
 * (method {@code isUseONEDNN}). Without this class the check fails, the helpers never switch on
 * and convolutions fall back to DL4J's slow im2col path. This shim answers the old question with
 * the new binding, so oneDNN is used exactly when libnd4j says it is available and enabled.
 *
 * <p>This is the project's only class in another project's package, isolated in the opt-in module
 * {@code pcm-onednn-compat}: the {@code pcm} CLI depends on it, and a pcm-nn user who wants the
 * oneDNN helpers adds it next to pcm-nn. The build's {@code banDuplicateClasses} rule fails if a
 * future ND4J ships a class of the same name; then this module is no longer needed.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old name of libnd4j's environment, delegating to the current binding. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** @return the singleton */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** @return whether libnd4j was built with oneDNN and has it enabled */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
