/**
 * Randomness: one root seed split into named, typed streams, so that every number is reproducible
 * and any part of an experiment replays alone (docs/model.md §7).
 *
 * <p>Two levels, both on Commons RNG's XoRoShiRo128++ seeded from SplitMix64 outputs, which can be
 * computed at any position without generating the ones before:
 * <ul>
 *   <li>{@link org.pcmsim.random.TrialStreams}: the four {@link org.pcmsim.random.TrialStream}s
 *       (data, programming, read, periphery) of an index of a seed. Monte Carlo trial i of the
 *       MVM experiments draws from the streams of (root seed, i); an {@code AnalogMatrix} chip from
 *       those of (seed, chip); a DNN layer l of a chip from those of (chip seed, l).</li>
 *   <li>{@link org.pcmsim.random.NamedStream}: the streams of a root seed by consumer (synthetic
 *       data, initialisation, training order, training noise, chips, periphery), each with its own
 *       sub-seed, so no two consumers ever share numbers. Chips and layers below them get sub-seeds
 *       with {@link org.pcmsim.random.TrialStreams#subSeed}.</li>
 * </ul>
 *
 * <p>Because a stream is a pure function of its coordinates (seed, stream, index), a trial, a chip
 * or a layer is the same whether it runs alone, first or last, on one thread or many. Every stream
 * keeps a fixed key (never an enum ordinal), so adding a stream changes no published number.
 */
package org.pcmsim.random;
