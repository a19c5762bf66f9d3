/**
 * Figure 5 of Le Gallo, Ciric et al. 2022 end to end: train (or reuse) a network, program
 * independent chips per slicing configuration, evaluate test accuracy over time, with options as
 * one validated record and results with provenance (docs/model.md §6, docs/dnn.md).
 */
package org.pcmsim.nn.experiment;
