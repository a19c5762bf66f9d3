/**
 * Monte Carlo trials of analog MVMs: each trial draws its data, programs a chip once and reads it
 * at every time of the experiment; the relative error η = ‖ŷ − y‖ / ‖y‖ is collected per trial and
 * time (Le Gallo, Ciric et al. 2022, section 4; docs/model.md §4).
 *
 * <p>Randomness comes from one root seed split into named streams per trial ({@link
 * org.pcmsim.random.TrialStreams}), so any trial replays alone and the results do not depend
 * on the number of threads.
 */
package org.pcmsim.montecarlo;
