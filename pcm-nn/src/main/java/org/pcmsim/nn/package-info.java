/**
 * pcm-nn: deep-learning inference on simulated PCM chips with DeepLearning4J, on pcm-core's
 * physics (Le Gallo, Ciric et al. 2022, section 5; docs/model.md §6, docs/dnn.md). The concepts: {@link
 * org.pcmsim.nn.analog} (analog layers and deployed networks), {@link org.pcmsim.nn.training}
 * (noise-aware training, Joshi et al. 2020, and evaluation), {@link org.pcmsim.nn.model} (CIFAR
 * ResNets, He et al. 2016), {@link org.pcmsim.nn.data} (datasets) and {@link
 * org.pcmsim.nn.experiment} (Figure 5 end to end).
 */
package org.pcmsim.nn;
