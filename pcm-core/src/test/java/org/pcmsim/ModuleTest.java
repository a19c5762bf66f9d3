package org.pcmsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * pcm-core is the named module {@code org.pcmsim.core} and its tests run inside it (Surefire patches
 * the test classes into the module), so every other test here runs under the module's own rules.
 */
class ModuleTest {

    @Test
    void testsRunInsideTheNamedModule() {
        assertEquals("org.pcmsim.core", Version.class.getModule().getName());
        assertEquals(Version.class.getModule(), ModuleTest.class.getModule());
    }

    @Test
    void everyConceptPackageIsExportedAndTheKernelsAreNot() {
        ModuleDescriptor d = Version.class.getModule().getDescriptor();
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertTrue(e.targets().isEmpty(), e + " is exported to everyone or not at all");
            exported.add(e.source());
        }
        assertEquals(Set.of("org.pcmsim", "org.pcmsim.analog", "org.pcmsim.crossbar", "org.pcmsim.device",
                "org.pcmsim.experiment", "org.pcmsim.montecarlo", "org.pcmsim.periphery", "org.pcmsim.random",
                "org.pcmsim.slicing", "org.pcmsim.theory", "org.pcmsim.weights"), exported);
        assertTrue(d.packages().contains("org.pcmsim.internal"));
        assertTrue(d.opens().isEmpty(), "nothing is opened to reflection");
    }

    @Test
    void theVersionResourceLoadsInModuleMode() {
        assertNotEquals("unknown", Version.get());
    }
}
