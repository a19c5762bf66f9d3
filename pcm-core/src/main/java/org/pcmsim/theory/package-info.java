/**
 * Closed-form predictions of the MVM error: the paper's eq. 8 for Equal-fill slicing (Le Gallo,
 * Ciric et al. 2022), calibrated on the single-slice error; docs/model.md §5.
 */
package org.pcmsim.theory;
