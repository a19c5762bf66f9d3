package org.pcmsim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option checks that fail as usage errors naming the option and the value. */
final class Checks {
    private Checks() {
    }

    static int inRange(CommandSpec spec, String option, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + v
                    + (max == Integer.MAX_VALUE ? " (must be >= " + min + ")" : " (must be in " + min + ".." + max + ")"));
        }
        return v;
    }

    /** The largest noise scale accepted: far beyond any device, yet every result stays finite. */
    static final double MAX_SCALE = 100;

    /**
     * A folder or file option: an empty value would silently mean the current folder, so it is refused.
     */
    static java.nio.file.Path path(CommandSpec spec, String option, String v) {
        if (v.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + v
                    + "' (an empty path; name a folder, e.g. " + option + " .)");
        }
        try {
            // Relative to the client's folder when the daemon runs the command (WorkingDirectory).
            Object root = spec.root().userObject();
            return root instanceof PcmCommand pcm ? pcm.workingDirectory().resolve(v) : java.nio.file.Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + v
                    + "' (" + e.getReason() + ")");
        }
    }
}
