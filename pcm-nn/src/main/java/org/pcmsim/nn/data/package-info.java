/**
 * Image datasets read from local files (nothing is downloaded): readers of the standard binary
 * formats, the project's synthetic stand-in for tests, and the conversion of images into
 * normalised, augmented network inputs: CIFAR-10 (Krizhevsky 2009), the paper's dataset (Le Gallo,
 * Ciric et al. 2022, section 5), and Fashion-MNIST (Xiao et al. 2017); docs/dnn.md, "Data".
 */
package org.pcmsim.nn.data;
