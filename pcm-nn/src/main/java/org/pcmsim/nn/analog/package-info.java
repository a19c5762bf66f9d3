/**
 * Analog deployment of a network's convolution and dense weights (Le Gallo, Ciric et al. 2022,
 * section 5; docs/model.md §6, docs/dnn.md): each weight tensor is clipped, quantised to 9-bit integers, sliced and
 * programmed once per chip with pcm-core's device model ("quantise once, infer many"); every
 * forward pass at time t reads the conductances with fresh 1/f noise, and a per-layer global drift
 * compensation restores the output scale. The programmed state is a DL4J weight-noise hook, so an
 * analog network is an ordinary DL4J network. Optionally ({@link org.pcmsim.nn.analog.LayerConverters})
 * each tile converts its inputs and its per-slice column currents with a DAC and ADCs and the
 * non-ideal periphery of pcm-core's {@code periphery} package (docs/model.md §9).
 *
 * <p>The concepts: {@link org.pcmsim.nn.analog.AnalogConfig} (the deployment, data),
 * {@link org.pcmsim.nn.analog.AnalogLayerSpec} (its JSON form inside a DL4J configuration, with the
 * chip and drift time), {@link org.pcmsim.nn.analog.AnalogWeightNoise} (the DL4J hook),
 * {@code LayerState} (the runtime state of one layer instance),
 * {@link org.pcmsim.nn.analog.ProgrammedLayer} (one layer's chip, with {@code ProgrammedWeights}, the
 * weights it was programmed from, and {@code ReadBuffers}, one reader's working arrays), {@code ConverterChip} and
 * {@code ConverterLayers} (the converters and the forward pass through them),
 * {@link org.pcmsim.nn.analog.AnalogNetwork} (the converter of a trained network) and
 * {@link org.pcmsim.nn.analog.AnalogLayers} (builders and controls).
 */
package org.pcmsim.nn.analog;
