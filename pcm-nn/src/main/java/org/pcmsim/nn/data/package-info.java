/**
 * Image datasets read from local files (nothing is downloaded): readers of the standard binary
 * formats, the project's synthetic stand-in for tests, and the conversion of images into
 * normalised, augmented network inputs.
 */
package org.pcmsim.nn.data;
