/**
 * A warm JVM that the {@code pcm} launcher reuses, as Gradle's daemon and Nailgun do: a whole
 * {@code pcm run figure-4a} otherwise pays a new JVM, the cold JIT of the engine and of the plotting
 * path and the first SVG and PNG, 2.5–3.5 s that a warm JVM does not pay again.
 *
 * <p>{@link org.pcmsim.cli.daemon.DaemonServer} listens on a Unix-domain socket in a private folder
 * ({@link org.pcmsim.cli.daemon.DaemonSocket}); {@link org.pcmsim.cli.daemon.DaemonClient}, a small
 * java.base-only class the launcher starts with a fast-starting JVM, sends it the client's working
 * directory, arguments and terminal flags and forwards the framed stdout, stderr and exit code
 * ({@link org.pcmsim.cli.daemon.Frames}). The server runs one request at a time; only commands marked
 * {@link org.pcmsim.cli.daemon.DaemonSafe} run there (the MVM figures, {@code list}, help and usage
 * errors); every other command, and any request while one runs, is handed back and runs in a fresh
 * JVM as without a daemon. A client that goes away mid-request (Ctrl-C, kill) makes the server exit:
 * results are written atomically, so nothing partial is left, and the next command starts a fresh
 * one. {@code pcm daemon start|stop|status} ({@link org.pcmsim.cli.daemon.DaemonCommand}) manage it.
 */
package org.pcmsim.cli.daemon;
