/**
 * Implementation helpers of pcm-core (argument checks, a fast exponential for the drift kernel).
 * Not part of the public API: they may change without notice.
 */
package org.pcmsim.internal;
