/**
 * Analog deployment of a network's convolution and dense weights (Le Gallo, Ciric et al. 2022,
 * section 5; docs/dnn.md): each weight tensor is clipped, quantised to 9-bit integers, sliced and
 * programmed once per chip with pcm-core's device model ("quantise once, infer many"); every
 * forward pass at time t reads the conductances with fresh 1/f noise, and a per-layer global drift
 * compensation restores the output scale. The programmed state is a DL4J weight-noise hook, so an
 * analog network is an ordinary DL4J network.
 */
package org.pcmsim.nn.analog;
