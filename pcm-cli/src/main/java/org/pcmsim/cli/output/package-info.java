/**
 * Result files: plain CSV (a header row and data rows), JSON with the full provenance, and the
 * atomic writing of a group of files (temporary names, then renames) so that a reader never sees
 * a partial file.
 */
package org.pcmsim.cli.output;
