/**
 * The periphery of an analog tile beyond the ideal one of the paper (docs/model.md §9): ADC output
 * noise and per-chip gain/offset mismatch, DAC input noise and integral nonlinearity, and IR drop on
 * the row and column wires, first-order or from an exact nodal solve.
 *
 * <p>The crossbar read uses them through {@link org.pcmsim.crossbar.ChipPeriphery} (one chip's ADC
 * mismatch and converter noise) and {@code MvmTrialConfig.periphery}; pcm-nn's analog layers use them
 * through their converters ({@code LayerConverters}, with {@link org.pcmsim.periphery.IrDropMatrix}).
 * Sources the parameters and models were learnt from (our own implementation throughout):
 * <ul>
 *   <li>IBM aihwkit, {@code IOParameters} ({@code out_noise}, {@code inp_noise}, {@code inp_res},
 *       {@code out_res}, {@code out_bound}, {@code ir_drop}, {@code ir_drop_g_ratio}) and its C++ forward
 *       pass ({@code applyIrDrop}), github.com/IBM/aihwkit;</li>
 *   <li>Sandia CrossSim, {@code simulator/circuits} (parasitic resistances {@code Rp_row}, {@code Rp_col}
 *       per cell solved on the array circuit; ADC models with capacitor and comparator mismatch),
 *       github.com/sandialabs/cross-sim; T. P. Xiao et al., "Analysis and mitigation of parasitic
 *       resistance effects for analog in-memory neural network acceleration", Semicond. Sci. Technol.
 *       36, 114004 (2021).</li>
 * </ul>
 */
package org.pcmsim.periphery;
