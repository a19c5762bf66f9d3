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

    @Test
    void aFailedRenameRestoresEveryTargetOfTheGroup() throws IOException {
        Files.writeString(tmp.resolve("a.csv"), "old a");
        Files.writeString(tmp.resolve("b.png"), "old b");
        // The third target cannot be replaced: a folder that is not empty stands in its place.
        Files.createDirectories(tmp.resolve("c.svg"));
        Files.writeString(tmp.resolve("c.svg/inside"), "x");
        try (AtomicOutput group = new AtomicOutput(tmp)) {
            group.write("a.csv", out -> out.write("new a".getBytes(StandardCharsets.UTF_8)));
            group.write("b.png", out -> out.write("new b".getBytes(StandardCharsets.UTF_8)));
            group.write("c.svg", out -> out.write("new c".getBytes(StandardCharsets.UTF_8)));
            group.write("d.json", out -> out.write("new d".getBytes(StandardCharsets.UTF_8)));
            assertThrows(IOException.class, group::commit);
        }
        assertEquals("old a", Files.readString(tmp.resolve("a.csv")));
        assertEquals("old b", Files.readString(tmp.resolve("b.png")));
        assertEquals(List.of("a.csv", "b.png", "c.svg"), names(tmp), "no new file, no temporary, no backup left");
    }

    @Test
    void temporariesOfProcessesThatNoLongerRunAreRemovedByTheNextGroup() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long dead = gone.pid();
        // pid 1 always runs; this process's own temporaries are its own business.
        List<String> kept = List.of(".a.csv.1-k3y.tmp", ".a.csv." + ProcessHandle.current().pid() + "-abc.tmp",
                ".notes.tmp", "user.tmp", "data.csv");
        for (String k : kept) {
            Files.writeString(tmp.resolve(k), "keep");
        }
        Files.writeString(tmp.resolve(".figure-4a.png." + dead + "-5x9q2.tmp"), "half a PNG");
        Files.writeString(tmp.resolve(".figure-4a.json." + dead + "-zz.tmp"), "{");
        try (AtomicOutput group = new AtomicOutput(tmp)) {
            group.write("figure-4a.csv", out -> out.write('1'));
            group.commit();
        }
        List<String> expected = new java.util.ArrayList<>(kept);
        expected.add("figure-4a.csv");
        assertEquals(expected.stream().sorted().toList(), names(tmp));
    }

    @Test
    void filesOfOneGroupMayBeWrittenFromSeveralThreads() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (AtomicOutput group = new AtomicOutput(tmp)) {
            List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "f" + i + ".txt";
                byte[] content = name.getBytes(StandardCharsets.UTF_8);
                parts.add(pool.submit(() -> {
                    group.write(name, out -> out.write(content));
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : parts) {
                f.get();
            }
            assertEquals(16, group.commit().size());
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 16; i++) {
            assertEquals("f" + i + ".txt", Files.readString(tmp.resolve("f" + i + ".txt")));
        }
        assertEquals(16, names(tmp).size());
    }
}
