package org.pcmsim.cli;

/**
 * A runtime failure with a message fit for the user (exit code 1): the message is printed as one
 * line, the cause only with {@code --verbose}.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what failed and why
     * @param cause the underlying exception, or null
     */
    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
