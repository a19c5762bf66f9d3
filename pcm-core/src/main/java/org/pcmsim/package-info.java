/**
 * pcm-sim's core: the simulation of analog matrix-vector multiplication on phase-change-memory
 * (PCM) crossbars with bit-sliced weights, after Le Gallo, Ciric et al., "Precision of bit slicing
 * with in-memory computing based on analog phase-change memory crossbars", Neuromorphic Computing
 * and Engineering 2, 024003 (2022).
 *
 * <p>One package per physical concept, in the order data flows: {@link org.pcmsim.device} (one PCM
 * device) → {@link org.pcmsim.slicing} (integer weights split over devices) → {@link
 * org.pcmsim.crossbar} (the analog MVM with its converters and drift compensation) → {@link
 * org.pcmsim.montecarlo} (independent trials, reproducible from one seed) → {@link
 * org.pcmsim.experiment} (the published figures as data). {@link org.pcmsim.theory} holds the
 * paper's closed-form prediction; {@link org.pcmsim.random} splits one root seed into the named
 * streams every package (and pcm-nn) draws from; {@link org.pcmsim.periphery} is the non-ideal
 * periphery, {@link org.pcmsim.weights} and {@link org.pcmsim.analog} real matrices of any shape.
 * {@link org.pcmsim.Version} and {@link org.pcmsim.Build} say which software (version, git commit)
 * produced a result. {@code org.pcmsim.internal} holds the tuned kernels and is not API. The model is
 * stated in the project's {@code docs/model.md}.
 */
package org.pcmsim;
