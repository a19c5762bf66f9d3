/**
 * Weight quantisation and bit slicing: real weights become signed integers (the 9-bit k·σ
 * quantiser, or BitNet b1.58 ternary weights, Ma et al. 2024), and each integer magnitude is split
 * over n_W devices of significance b_W^j by one of the algorithms of Le Gallo, Ciric et al. 2022,
 * section 3: Equal-fill, Max-fill, Max-fill with error correction, and positional (digital)
 * slicing; docs/model.md §3.
 */
package org.pcmsim.slicing;
