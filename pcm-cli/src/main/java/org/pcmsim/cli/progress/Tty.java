package org.pcmsim.cli.progress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream of this process is an interactive terminal. Uses java.base only, so the
 * daemon's client ({@link org.pcmsim.cli.daemon.DaemonClient}) can ask it about its own streams and
 * tell the daemon, which has none.
 */
public final class Tty {
    private Tty() {
    }

    /**
     * Java only says whether stdin and stdout are terminals ({@link System#console()}); on Linux the
     * link /proc/self/fd/N tells for any stream. {@code TERM=dumb} counts as no terminal.
     *
     * @param fd 1 for stdout, 2 for stderr
     * @return true if that stream is a terminal
     */
    public static boolean isTerminal(int fd) {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /**
     * The width of the controlling terminal, as {@code stty size} reads it from /dev/tty (a few
     * milliseconds; only the daemon's client asks, for the progress bar it cannot measure itself).
     *
     * @return the number of columns, or 0 if there is no terminal or stty
     */
    public static int columns() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            return p.waitFor() == 0 && size.length == 2 ? Math.max(0, Integer.parseInt(size[1])) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
