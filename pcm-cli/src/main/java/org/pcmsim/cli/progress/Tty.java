package org.pcmsim.cli.progress;

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
}
