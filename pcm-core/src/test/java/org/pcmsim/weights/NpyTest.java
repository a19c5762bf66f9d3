package org.pcmsim.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files written by numpy (src/test/resources/npy/make_fixtures.py) read exactly; malformed ones are named. */
class NpyTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void floatArraysInBothOrdersReadExactly() throws Exception {
        for (String name : new String[] {"f32_c.npy", "f32_fortran.npy", "f64_c.npy", "f64_fortran.npy",
            "f64_big_endian.npy"}) {
            WeightMatrix w = Npy.read(fixture(name));
            assertEquals(3, w.rows(), name);
            assertEquals(5, w.cols(), name);
            assertEquals(name, w.source());
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 5; k++) {
                    assertEquals(i - 2.5 * k + 0.125, w.get(i, k), 0.0, name + " (" + i + ", " + k + ")");
                }
            }
        }
    }

    @Test
    void malformedFilesAreRejectedInOneLineNamingTheFile() throws Exception {
        String[][] cases = {
            {"bad_magic.npy", "not a .npy file"},
            {"bad_header.npy", "header does not parse"},
            {"int32.npy", "dtype '<i4' is not supported"},
            {"rank1.npy", "1-D array"},
            {"rank3.npy", "3-D array"},
            {"truncated.npy", "truncated data"},
        };
        for (String[] c : cases) {
            Path p = fixture(c[0]);
            IOException e = assertThrows(IOException.class, () -> Npy.read(p), c[0]);
            assertTrue(e.getMessage().startsWith(p.toString() + ": ") && e.getMessage().contains(c[1])
                    && !e.getMessage().contains("\n"), e.getMessage());
        }
        IOException missing = assertThrows(IOException.class, () -> Npy.read(Path.of("no-such-file.npy")));
        assertTrue(missing.getMessage().startsWith("no-such-file.npy: cannot be read"), missing.getMessage());
    }
}
