package org.pcmsim.nn.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A training folder's checkpoint as {@link Trainer} leaves it after every epoch: the state file
 * {@code checkpoint.properties} (epochs done, the fingerprint of the options and data, the model file
 * it names) and that model, {@code checkpoint-<epochs>.zip}. Reading checks both before DL4J sees
 * them, so a damaged checkpoint is reported with its path and what to do (delete the folder), never
 * with a library message that names no file.
 */
public final class Checkpoints {
    /** The state file of a checkpoint folder. */
    static final String STATE = "checkpoint.properties";
    /** The model file name of checkpoints made by earlier versions (now {@code checkpoint-<epochs>.zip}). */
    static final String LEGACY_MODEL = "checkpoint.zip";

    private Checkpoints() {
    }

    /**
     * What a checkpoint folder holds.
     *
     * @param epochsDone epochs trained so far
     * @param fingerprint the options and data it was made with
     * @param model the model file of that epoch
     */
    public record Checkpoint(int epochsDone, String fingerprint, Path model) {
    }

    /**
     * Reads a checkpoint folder's state, checking that it is complete.
     *
     * @param dir the checkpoint folder
     * @return the checkpoint, or null if the folder holds none
     * @throws IOException naming the file and what to do if the state is unreadable or incomplete
     */
    public static Checkpoint read(Path dir) throws IOException {
        Path state = dir.resolve(STATE);
        if (!Files.exists(state)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(damaged(state, "unreadable: " + e.getMessage()), e);
        }
        String epochs = p.getProperty("epochsDone");
        int done;
        try {
            done = Integer.parseInt(epochs == null ? "" : epochs.trim());
        } catch (NumberFormatException e) {
            throw new IOException(damaged(state, epochs == null ? "no epochsDone" : "epochsDone '" + epochs
                    + "' is not a whole number"), e);
        }
        if (done < 0) {
            throw new IOException(damaged(state, "epochsDone " + done + " is negative"));
        }
        String fingerprint = p.getProperty("fingerprint");
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IOException(damaged(state, "no fingerprint"));
        }
        // Checkpoints of earlier versions kept the model as checkpoint.zip.
        String model = p.getProperty("model", LEGACY_MODEL);
        if (model.contains("/") || model.contains("\\") || !model.endsWith(".zip")) {
            throw new IOException(damaged(state, "model '" + model + "' is not a checkpoint file name"));
        }
        Path file = dir.resolve(model);
        if (!Files.isRegularFile(file)) {
            throw new IOException(damaged(state, "the model file " + file + " it names is missing"));
        }
        String problem = modelZipProblem(file);
        if (problem != null) {
            throw new IOException(damaged(file, problem));
        }
        return new Checkpoint(done, fingerprint, file);
    }

    /**
     * A cheap check of a model file's structure before DL4J reads it (whose errors, e.g. "Cannot read
     * from stream", name no file): a readable zip with the entries ModelSerializer writes.
     *
     * @return what is wrong, or null if it looks like a model
     */
    static String modelZipProblem(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return "it is empty";
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (String entry : new String[] {"configuration.json", "coefficients.bin"}) {
                if (zip.getEntry(entry) == null) {
                    return "it is a zip file without the model entry '" + entry + "'";
                }
            }
            return null;
        } catch (java.util.zip.ZipException e) {
            return "it is not a complete zip file (" + reason(e) + ")";
        }
    }

    static ComputationGraph loadModel(Path file) throws IOException {
        try {
            return ComputationGraph.load(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(damaged(file, "unreadable (" + reason(e) + ")"), e);
        }
    }

    static String damaged(Path file, String why) {
        Path dir = file.toAbsolutePath().getParent();
        return "training checkpoint " + file + " is damaged: " + why + "; delete the folder " + dir
                + " to start this training over";
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
