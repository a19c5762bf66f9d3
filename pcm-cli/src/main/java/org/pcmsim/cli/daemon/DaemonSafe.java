package org.pcmsim.cli.daemon;

/**
 * Marks a picocli command that the daemon may run in its warm JVM: it reads nothing fixed when the JVM
 * started (the DNN commands read OpenMP's environment then), sets no process-wide state, reads no
 * stdin, and is not itself a measurement of JVMs ({@code pcm bench}). A request runs in the daemon
 * only if the command it names, and every command above it, is marked.
 */
public interface DaemonSafe {
}
