/**
 * pcm-core as a named module: the simulation of analog matrix-vector multiplication on bit-sliced
 * PCM crossbars (Le Gallo, Ciric et al., Neuromorphic Computing and Engineering 2, 024003 (2022)).
 *
 * <p>Every physical concept is an exported package; {@code org.pcmsim.internal}, the tuned kernels
 * the concept packages share, is not exported, so on the module path no other module can reach it
 * (on the class path the build's RestrictImports rule keeps pcm-nn and pcm-cli out of it; see
 * {@code docs/architecture.md}). Commons RNG's {@code UniformRandomProvider} and samplers appear in
 * the API, so a module that reads this one reads them too.
 */
module org.pcmsim.core {
    requires transitive org.apache.commons.rng.api;
    requires transitive org.apache.commons.rng.sampling;
    requires org.apache.commons.rng.core;

    exports org.pcmsim;
    exports org.pcmsim.device;
    exports org.pcmsim.slicing;
    exports org.pcmsim.crossbar;
    exports org.pcmsim.periphery;
    exports org.pcmsim.montecarlo;
    exports org.pcmsim.experiment;
    exports org.pcmsim.weights;
    exports org.pcmsim.analog;
    exports org.pcmsim.random;
    exports org.pcmsim.theory;
}
