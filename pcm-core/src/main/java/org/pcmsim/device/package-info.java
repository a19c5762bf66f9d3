/**
 * One phase-change-memory device: programming noise, conductance drift and 1/f read noise, as
 * fitted by Nandakumar et al., "Phase-change memory models for deep learning training and
 * inference", ICECS 2019 (the same fit as IBM aihwkit's {@code PCMLikeNoiseModel}), as used by Le
 * Gallo, Ciric et al. 2022, section 2; docs/model.md §2, and §2b for the conventions of the
 * published engine ({@link org.pcmsim.device.Conventions}).
 *
 * <p>{@link org.pcmsim.device.PcmDeviceModel} is the model as data (G_max in µS, t0 and t_read in
 * s, one record per law); {@link org.pcmsim.device.ProgrammedDevices} is an array of devices after
 * programming, read any number of times with fresh noise. Programming and reads take their
 * generator as an argument: nothing here owns randomness. {@link org.pcmsim.device.DevicePreset}
 * names the models a user can pick ({@code pcm list --devices}).
 */
package org.pcmsim.device;
