package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.nn.training.TrainingFiles;

/** The DNN commands' model and checkpoint files: bad ones are one line naming the file; resuming says so. */
class DnnFilesTest {
    @TempDir
    Path tmp;

    private CliRunner train(String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--out", tmp.resolve("out").toString(), "--work",
                tmp.resolve("work").toString()));
        args.addAll(List.of(DnnCommandTest.TINY).subList(0, 12));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRunner r, String... fragments) {
        assertEquals(1, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        for (String f : fragments) {
            assertTrue(r.err.contains(f), "'" + f + "' in: " + r.err);
        }
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void aModelFileThatIsNotAModelIsOneLineNamingIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("models"));
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        Path zip = dir.resolve("no-model.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        for (Path bad : List.of(Files.write(dir.resolve("empty.zip"), new byte[0]),
                Files.write(dir.resolve("noise.zip"), noise),
                Files.writeString(dir.resolve("text.zip"), "just text\n"), zip)) {
            CliRunner r = train("--model", bad.toString());
            assertOneLine(r, bad.toString(), "not a pcm-sim model", "delete it");
        }
    }

    @Test
    void aModelThatCannotBeSavedIsFoundBeforeTraining() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path model = file.resolve("sub").resolve("model.zip");
        CliRunner r = train("--model", model.toString());
        assertOneLine(r, model.toString(), "cannot save the trained model");
        assertFalse(Files.exists(tmp.resolve("work")), "failed before generating data or training");
    }

    @Test
    @SuppressWarnings("try") // the lock only needs to be held while the second run tries
    void resumingSaysSoALockedFolderFailsAtOnceAndADamagedCheckpointNamesItself() throws IOException {
        CliRunner first = train();
        assertEquals(0, first.exit, first.err);
        Path model;
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            model = s.filter(p -> p.getFileName().toString().startsWith("model-")).findFirst().orElseThrow();
        }
        Path checkpoints;
        try (Stream<Path> s = Files.walk(tmp.resolve("work"))) {
            checkpoints = s.filter(p -> p.getFileName().toString().startsWith("checkpoints-")).findFirst().orElseThrow();
        }
        assertFalse(first.err.contains("resuming"), first.err);
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporaries left");
        }

        // The model is lost (e.g. deleted), the checkpoint remains: the next run resumes and says so.
        Files.delete(model);
        try (TrainingFiles.Lock held = TrainingFiles.lock(checkpoints)) {
            CliRunner locked = train();
            assertOneLine(locked, "another training run", checkpoints.toString());
        }
        assertFalse(Files.exists(model));
        CliRunner resumed = train();
        assertEquals(0, resumed.exit, resumed.err);
        assertTrue(resumed.err.contains("resuming from epoch 2 of 2, checkpoint " + checkpoints), resumed.err);
        assertTrue(Files.exists(model));

        // A damaged checkpoint: one line naming it and what to do.
        Files.delete(model);
        Path zip = checkpoints.resolve("checkpoint-2.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(new byte[] {'P', 'K', 3, 4});
        }
        CliRunner damaged = train();
        assertOneLine(damaged, zip.toString(), "delete the folder " + checkpoints);
        assertFalse(Files.exists(model));
    }
}
