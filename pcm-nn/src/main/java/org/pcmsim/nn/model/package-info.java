/**
 * The networks: CIFAR ResNets (He et al., "Deep residual learning for image recognition", CVPR
 * 2016, section 4.2) built as DL4J computation graphs, ResNet-32 being the network of Le Gallo, Ciric
 * et al. 2022, section 5 (docs/model.md §6). {@link org.pcmsim.nn.model.Networks#output} runs the
 * inference pass, with batch norm in a Java loop that has oneDNN's arithmetic (same outputs, faster;
 * the package-private {@code InferenceBatchNorm}); {@link org.pcmsim.nn.model.Networks#fit} a training
 * step, without the second forward pass DL4J makes of every convolution in its backward pass (same
 * weights, faster; the package-private {@code TrainingConvolution}).
 */
package org.pcmsim.nn.model;
