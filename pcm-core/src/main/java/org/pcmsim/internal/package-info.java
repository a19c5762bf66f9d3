/**
 * pcm-core's kernels and checks, which are not API: argument checks that name the bad value
 * ({@link org.pcmsim.internal.Checks}); the device laws of docs/model.md §2 in the one-logarithm and
 * tabulated forms the programming loops use ({@link org.pcmsim.internal.DeviceLaws},
 * {@link org.pcmsim.internal.LawTable}) and the one place programming noise is drawn
 * ({@link org.pcmsim.internal.DeviceProgrammer}); a fast exponential for the drift kernel
 * ({@link org.pcmsim.internal.FastExp}); and {@link org.pcmsim.internal.Access}, through which the
 * Monte Carlo engine reaches the package-private slice-by-slice operations of the crossbar and
 * slicing packages.
 *
 * <p>Left out of the javadoc and free to change without notice; docs/architecture.md says why
 * pcm-core cannot also hide it with a module descriptor.
 */
package org.pcmsim.internal;
