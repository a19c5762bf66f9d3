/**
 * Training and evaluation: a digital baseline, then noise-aware fine-tuning (Joshi et al., Nature
 * Communications 11, 2473 (2020)): each training forward pass perturbs every weight tensor with
 * Gaussian noise and the gradient is applied to the clean weights (straight-through estimator);
 * checkpoints after every epoch; test accuracy on several threads with thread-count-independent
 * results (docs/model.md §6, docs/dnn.md).
 */
package org.pcmsim.nn.training;
