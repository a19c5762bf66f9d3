/**
 * Progress on stderr: a live bar with ETA on a terminal, periodic plain lines in logs, nothing
 * with {@code --quiet}.
 */
package org.pcmsim.cli.progress;
