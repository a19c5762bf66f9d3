package org.pcmsim.nn.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.pcmsim.nn.data.Batches;
import org.pcmsim.nn.data.LabeledImages;

/**
 * The accuracy of every evaluated (configuration, chip, time), kept on disk so that a killed figure
 * run resumes without recomputing the chips it finished.
 *
 * <p>A chip's accuracy at time t depends only on the trained weights, the test images, their
 * normalisation, the chunk size, the root seed, the device's noise scales and the configuration:
 * the chip's programming and every read are keyed streams (see the analog package). The folder
 * {@code root/<hash>} is named after a SHA-256 of all of these but the configuration, the chip and
 * the time, and holds {@code key.txt} (what was hashed) and one file per configuration and chip,
 * {@code <algorithm>-b<b_W>-n<n_W>/chip-<k>.properties}, mapping each time (its IEEE bits in hex)
 * to the accuracy (percent, exact decimal form). Each is replaced atomically after a chip is
 * done. Figures 5(a) and 5(c) share the folder, so 5(c) reuses the Max-fill b_W = 1 chips read at
 * t0 in 5(a). Any other change (another model, another seed) gives another folder.
 */
final class ChipResults {
    private final Path dir;

    private ChipResults(Path dir) {
        this.dir = dir;
    }

    /**
     * @param root the work folder
     * @param net the trained network
     * @param test test images
     * @param norm their normalisation
     * @param o seed, chunk size and noise scales
     * @return the store of this model, data and device
     */
    static ChipResults open(Path root, ComputationGraph net, LabeledImages test, Batches.Normalization norm,
                            DnnOptions o) throws IOException {
        MessageDigest params = sha256();
        ByteBuffer b = ByteBuffer.allocate(4 * (int) net.params().length());
        for (float v : net.params().dup().data().asFloat()) {
            b.putFloat(v);
        }
        params.update(b.array());
        params.update(net.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8));
        MessageDigest images = sha256();
        images.update(test.pixels());
        images.update(test.labels());
        String key = String.join("\n",
                "model sha256 (parameters + configuration)=" + HexFormat.of().formatHex(params.digest()),
                "test images=" + test.count() + " x " + test.channels() + " x " + test.side() + " x " + test.side()
                        + ", sha256 " + HexFormat.of().formatHex(images.digest()),
                "normalization=" + norm,
                "eval batch size=" + o.evalBatchSize(),
                "seed=" + o.seed(),
                "device=nandakumar2019, noise scales programming " + o.programmingNoiseScale() + ", drift "
                        + o.driftScale() + ", read " + o.readNoiseScale(),
                // Frozen text: the key names the store's folder. NnStream is NamedStream's old name; same streams.
                "weights=int9 clipped at 2 sigma_W, GDC per layer, streams=NnStream.CHIPS",
                // Only with converters, so the stores made before them keep their folder.
                o.converters().enabled() ? "converters=" + o.converters().describe() + "\n" : "");
        String hash = HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Path dir = root.resolve("evaluations").resolve(hash);
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("key.txt");
        if (!Files.exists(keyFile)) {
            write(keyFile, key.getBytes(StandardCharsets.UTF_8));
        } else if (!Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
            throw new IllegalStateException(keyFile + " describes other evaluations; delete " + dir);
        }
        return new ChipResults(dir);
    }

    /** @return the folder of this store */
    Path dir() {
        return dir;
    }

    private Path file(SliceConfig c, int chip) {
        return dir.resolve(c.algorithm().id() + "-b" + c.base() + "-n" + c.nSlices())
                .resolve(String.format(Locale.ROOT, "chip-%05d.properties", chip));
    }

    private static String timeKey(double t) {
        return "t" + Long.toHexString(Double.doubleToLongBits(t + 0.0));
    }

    /**
     * @param c a configuration
     * @param chip chip index
     * @param times the times wanted
     * @return accuracy (percent) per time already stored for that chip
     */
    Map<Double, Double> load(SliceConfig c, int chip, double[] times) throws IOException {
        Map<Double, Double> out = new HashMap<>();
        Path f = file(c, chip);
        if (!Files.exists(f)) {
            return out;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        for (double t : times) {
            String v = p.getProperty(timeKey(t));
            if (v != null) {
                out.put(t, Double.parseDouble(v));
            }
        }
        return out;
    }

    /** Adds the accuracies of one chip at these times to its file (atomically). */
    void store(SliceConfig c, int chip, double[] times, double[] acc) throws IOException {
        Path f = file(c, chip);
        Properties p = new Properties();
        Files.createDirectories(f.getParent());
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        for (int i = 0; i < times.length; i++) {
            p.setProperty(timeKey(times[i]), Double.toString(acc[i]));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        p.store(bytes, "accuracy (percent) of " + c.series() + ", n_W = " + c.nSlices() + ", chip " + chip
                + " per read time (key: t + IEEE bits of the time in s, hex)");
        write(f, bytes.toByteArray());
    }

    private static void write(Path f, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(content);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
