package org.pcmsim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.montecarlo.ProgressListener;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;
import org.pcmsim.nn.data.SyntheticCifar;
import org.pcmsim.nn.model.ResNetSpec;
import org.pcmsim.nn.training.Checkpoints;
import org.pcmsim.nn.training.Trainer;
import org.pcmsim.nn.training.TrainingFiles;
import org.pcmsim.nn.training.TrainingOptions;

/** Model and checkpoint files survive crashes, concurrent runs and damage with a clear message. */
class TrainerFilesTest {
    @TempDir
    static Path shared;
    static LabeledImages train;
    static Batches.Normalization norm;
    static final TrainingOptions OPT = new TrainingOptions(1, 1, 64, 0.05, 0.01, 0.9, 1e-4, 0.038, 2.0, 3);
    /** A checkpoint after the first of two epochs. */
    static Path checkpoint;

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneEpoch() throws IOException {
        OneDnn.enableHelpers();
        train = new SyntheticCifar(5).generate(64, 1);
        norm = Batches.Normalization.of(train);
        checkpoint = shared.resolve("checkpoint");
        new Trainer(ResNetSpec.RESNET8_CI, OPT, checkpoint).train(train, norm, 1, ProgressListener.NONE);
    }

    private static Trainer trainer(Path dir) {
        return new Trainer(ResNetSpec.RESNET8_CI, OPT, dir);
    }

    private Path copyOfCheckpoint() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("copy"));
        try (Stream<Path> s = Files.list(checkpoint)) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void aCheckpointIsTheStateAndTheModelItNamesWithoutTemporaries() throws IOException {
        Set<String> names;
        try (Stream<Path> s = Files.list(checkpoint)) {
            names = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(Set.of("checkpoint-1.zip", "checkpoint.properties", ".training.lock"), names);
        Checkpoints.Checkpoint c = Checkpoints.read(checkpoint);
        assertEquals(1, c.epochsDone());
        assertEquals(checkpoint.resolve("checkpoint-1.zip"), c.model());
    }

    @Test
    void damagedCheckpointsNameTheFileAndSayWhatToDo() throws IOException {
        record Damage(String what, String expected, java.util.function.Consumer<Path> apply) {
        }
        List<Damage> damages = List.of(
                new Damage("truncated model", "checkpoint-1.zip", d -> truncate(d.resolve("checkpoint-1.zip"))),
                new Damage("random model", "checkpoint-1.zip", d -> write(d.resolve("checkpoint-1.zip"), random(5000))),
                new Damage("epochsDone not a number", "epochsDone 'three'",
                        d -> replaceState(d, "epochsDone=1", "epochsDone=three")),
                new Damage("no epochsDone", "no epochsDone", d -> replaceState(d, "epochsDone=1", "")),
                new Damage("negative epochsDone", "negative", d -> replaceState(d, "epochsDone=1", "epochsDone=-2")),
                new Damage("too many epochs", "more than the 2 epochs", d -> replaceState(d, "epochsDone=1", "epochsDone=9")),
                new Damage("no fingerprint", "no fingerprint", d -> replaceState(d, "fingerprint=", "x=")),
                new Damage("model missing", "missing", d -> delete(d.resolve("checkpoint-1.zip"))));
        for (Damage damage : damages) {
            Path dir = copyOfCheckpoint();
            damage.apply().accept(dir);
            IOException e = assertThrows(IOException.class,
                    () -> trainer(dir).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE), damage.what());
            String m = e.getMessage();
            assertTrue(m.contains(damage.expected()) && m.contains(dir.toString()) && m.contains("delete the folder"),
                    damage.what() + ": " + m);
            assertFalse(m.contains("\n"), "one line: " + m);
            deleteTree(dir);
        }
        // The undamaged checkpoint resumes to the end and replaces its model.
        Path dir = copyOfCheckpoint();
        ComputationGraph net = trainer(dir).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);
        assertTrue(net.numParams() > 0);
        assertEquals(2, Checkpoints.read(dir).epochsDone());
        assertFalse(Files.exists(dir.resolve("checkpoint-1.zip")), "the older model is removed");
    }

    @Test
    void badModelFilesNameTheFileAndSayWhatToDo() throws IOException {
        Path empty = write(tmp.resolve("empty.zip"), new byte[0]);
        Path noise = write(tmp.resolve("noise.zip"), random(10_000));
        Path text = write(tmp.resolve("text.zip"), "not a model\n".getBytes(StandardCharsets.UTF_8));
        Path zip = tmp.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path folder = Files.createDirectories(tmp.resolve("folder.zip"));
        for (Path bad : List.of(empty, noise, text, zip, folder)) {
            IOException e = assertThrows(IOException.class, () -> Trainer.load(bad), bad.toString());
            assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("--model"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("try") // the lock only needs to be held while the second run tries
    void aSecondRunOnTheSameFolderFailsAtOnceNamingIt() throws IOException {
        Path dir = copyOfCheckpoint();
        try (TrainingFiles.Lock held = TrainingFiles.lock(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> trainer(dir).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("another training run") && e.getMessage().contains(dir.toString()),
                    e.getMessage());
        }
        // Released: the run goes ahead.
        trainer(dir).train(train, norm, Integer.MAX_VALUE, ProgressListener.NONE);
        assertEquals(2, Checkpoints.read(dir).epochsDone());
    }

    @Test
    void temporariesOfDeadProcessesAreRemovedAndAFailedWriteLeavesTheOldFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        // pid 2^31 - 2 exceeds Linux's pid_max (at most 2^22): no such process.
        Path stale = write(dir.resolve(".model.zip.2147483646-abc.tmp"), new byte[] {1});
        Path ours = write(dir.resolve(".model.zip." + ProcessHandle.current().pid() + "-def.tmp"), new byte[] {1});
        Path other = write(dir.resolve(".notes.tmp"), new byte[] {1});
        Path model = write(dir.resolve("model.zip"), new byte[] {7});
        IOException e = assertThrows(IOException.class, () -> TrainingFiles.writeAtomically(model, f -> {
            Files.write(f, new byte[] {1, 2});
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertFalse(Files.exists(stale), "a dead process's temporary is removed by the next write");
        assertTrue(Files.exists(ours) && Files.exists(other), "live and foreign files are kept");
        assertEquals(7, Files.readAllBytes(model)[0], "the old file is untouched");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(3, s.count(), "the failed write left no temporary");
        }
        // Saving a real model goes through a temporary too and loads back.
        Path saved = dir.resolve("real.zip");
        org.deeplearning4j.nn.graph.ComputationGraph net = trainer(null).train(train, norm, 1, ProgressListener.NONE);
        Trainer.save(net, norm, saved, false);
        assertEquals(norm, Trainer.load(saved).normalization());
        assertNull(Trainer.load(saved).trainingThreads(), "saved without a mode");
        // The mode that trained it is recorded in the file, for the figures' provenance.
        Trainer.save(net, norm, saved, false, org.pcmsim.nn.training.TrainingThreads.REPLICAS);
        assertEquals("replicas", Trainer.load(saved).trainingThreads());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(1).nextBytes(b);
        return b;
    }

    private static Path write(Path p, byte[] b) {
        try {
            return Files.write(p, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void truncate(Path p) {
        try {
            byte[] b = Files.readAllBytes(p);
            write(p, java.util.Arrays.copyOf(b, b.length / 2));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void replaceState(Path dir, String from, String to) {
        try {
            Path state = dir.resolve("checkpoint.properties");
            String s = Files.readString(state);
            assertTrue(s.contains(from), s);
            Files.writeString(state, s.replace(from, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
