/**
 * The networks: CIFAR ResNets (He et al., "Deep residual learning for image recognition", CVPR
 * 2016, section 4.2) built as DL4J computation graphs, ResNet-32 being the paper's network.
 */
package org.pcmsim.nn.model;
