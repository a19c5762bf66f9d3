package org.pcmsim.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

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

    /**
     * One line for an I/O failure: what happened and to which file. NIO puts only the path in the
     * message of, e.g., AccessDeniedException, so the kind is spelled out; and encoders such as
     * ImageIO wrap the operating system's reason ("No space left on device") in a generic
     * "I/O error writing PNG file", so the innermost I/O reason is appended.
     *
     * @param e an I/O failure
     * @return one line
     */
    public static String describe(IOException e) {
        String top = own(e);
        Throwable root = e;
        for (Throwable c = e.getCause(); c != null && c != root; c = c.getCause()) {
            if (c instanceof IOException) {
                root = c;
            }
        }
        if (root != e) {
            String reason = own((IOException) root);
            if (!top.contains(reason)) {
                return top + ": " + reason;
            }
        }
        return top;
    }

    private static String own(IOException e) {
        if (e instanceof FileSystemException f) {
            String what = f.getReason() != null ? f.getReason()
                    : f.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                            .toLowerCase(Locale.ROOT);
            return what + (f.getFile() != null ? ": " + f.getFile() : "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
