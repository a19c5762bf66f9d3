package org.pcmsim.cli;

import picocli.CommandLine.Option;

/** Options every command shares: how much to say. */
public final class CommonOptions {
    /** Whether to hide the progress display and the summary lines. */
    @Option(names = {"-q", "--quiet"}, order = 20, description = "Show no progress bar and no summary; errors are still reported.")
    boolean quiet;

    /** Whether to print a failure's stack trace. */
    @Option(names = "--verbose", order = 21, description = "On a failure, also print the stack trace.")
    boolean verbose;
}
