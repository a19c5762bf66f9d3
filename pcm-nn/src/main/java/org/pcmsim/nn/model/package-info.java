/**
 * The networks: CIFAR ResNets (He et al., "Deep residual learning for image recognition", CVPR
 * 2016, section 4.2) built as DL4J computation graphs, ResNet-32 being the network of Le Gallo, Ciric
 * et al. 2022, section 5 (docs/model.md §6).
 */
package org.pcmsim.nn.model;
