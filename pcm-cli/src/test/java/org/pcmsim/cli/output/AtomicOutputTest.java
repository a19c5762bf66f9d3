package org.pcmsim.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedGroupLeavesTargetsUntouchedAndNoTemporaries() throws IOException {
        Files.writeString(tmp.resolve("a.csv"), "old");
        IOException boom = new IOException("disk full");
        try (AtomicOutput group = new AtomicOutput(tmp)) {
            group.write("a.csv", out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
            assertThrows(IOException.class, () -> group.write("b.png", out -> {
                out.write(1);
                throw boom;
            }));
        }
        assertEquals("old", Files.readString(tmp.resolve("a.csv")));
        assertEquals(List.of("a.csv"), names(tmp));
    }

    @Test
    void aCommittedGroupReplacesEveryTarget() throws IOException {
        Files.writeString(tmp.resolve("a.csv"), "old");
        List<Path> written;
        try (AtomicOutput group = new AtomicOutput(tmp.resolve("sub"))) {
            group.write("a.csv", out -> out.write('1'));
            group.write("b.json", out -> out.write('2'));
            assertEquals(List.of(), names(tmp.resolve("sub")).stream().filter(n -> !n.endsWith(".tmp")).toList(),
                    "nothing visible before commit");
            written = group.commit();
        }
        assertEquals(2, written.size());
        assertEquals(List.of("a.csv", "b.json"), names(tmp.resolve("sub")));
        assertEquals("1", Files.readString(tmp.resolve("sub/a.csv")));
    }

    @Test
    void checkWritableAcceptsCreatableFoldersWithoutCreatingThem() throws IOException {
        Path deep = tmp.resolve("x/y/z");
        AtomicOutput.checkWritable(deep);
        assertFalse(Files.exists(tmp.resolve("x")));
        Path file = tmp.resolve("f");
        Files.writeString(file, "");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.checkWritable(file.resolve("g")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        assertThrows(IOException.class, () -> AtomicOutput.checkWritable(file));
    }
}
