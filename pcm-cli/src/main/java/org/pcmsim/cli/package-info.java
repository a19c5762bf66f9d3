/**
 * The {@code pcm} command-line application (picocli): {@code pcm run}, {@code pcm list}, {@code pcm
 * train}, {@code pcm bench}. Commands are thin: they validate options (usage errors name the
 * option and the value, exit 2), call pcm-core or pcm-nn, and hand results to the writers and the
 * plotter.
 */
package org.pcmsim.cli;
