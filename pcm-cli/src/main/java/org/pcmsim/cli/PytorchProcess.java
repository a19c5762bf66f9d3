package org.pcmsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.pcmsim.nn.model.ResNetSpec;

/**
 * The PyTorch half of {@code pcm bench --dnn NETWORK --vs-pytorch}: the script
 * {@code pytorch_resnet.py} (a resource of this jar, copied to a temporary file) running in its
 * own Python process, which builds the same network and times one round of measurements each
 * time {@link #round} asks, so that they interleave with pcm-sim's.
 */
final class PytorchProcess implements AutoCloseable {
    /** Debian's python3-torch is installed for the system Python, which a pyenv or venv may hide. */
    static final String SYSTEM_PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "pytorch_resnet.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path script;
    private final BufferedReader out;
    private final Writer in;
    private final JsonNode ready;
    private final StringBuilder errors = new StringBuilder();

    /**
     * Why the PyTorch half cannot run: one line for the user.
     */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private PytorchProcess(Process process, Path script, JsonNode ready, BufferedReader out, Writer in) {
        this.process = process;
        this.script = script;
        this.ready = ready;
        this.out = out;
        this.in = in;
    }

    /**
     * Starts the script with the first of {@code pythons} that imports torch, and waits until the
     * network is built and warmed up.
     *
     * @param pythons Python commands to try, in order
     * @param spec the network
     * @param channels input channels
     * @param side input side, pixels
     * @param threads PyTorch's intra-op threads
     * @param steps training steps timed per batch size and round
     * @return the running process
     * @throws Unavailable when no Python with torch could run it
     */
    static PytorchProcess start(List<String> pythons, ResNetSpec spec, int channels, int side, int threads, int steps)
            throws Unavailable {
        Path script;
        try {
            script = Files.createTempFile("pcm-pytorch-", ".py");
            try (InputStream res = PytorchProcess.class.getResourceAsStream(SCRIPT)) {
                if (res == null) {
                    throw new IllegalStateException("resource " + SCRIPT + " missing from the jar");
                }
                Files.copy(res, script, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new Unavailable("cannot write the PyTorch script to a temporary file: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String python : pythons) {
            List<String> cmd = List.of(python, "-u", script.toString(), "--blocks", Integer.toString(spec.blocksPerStage()),
                    "--widths", join(spec.widths()), "--stem-stride", Integer.toString(spec.stemStride()),
                    "--channels", Integer.toString(channels), "--side", Integer.toString(side),
                    "--threads", Integer.toString(threads), "--steps", Integer.toString(steps));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE);
            // Spinning OpenMP threads on a loaded machine made PyTorch's step 5x slower in CPU time;
            // pcm-sim's launcher sets the same policy for ND4J.
            pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
            // The launcher caps pcm-sim's oneDNN at AVX2 for reproducibility; PyTorch runs at its best.
            pb.environment().remove("DNNL_MAX_CPU_ISA");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                problems.add("cannot run '" + python + "'");
                continue;
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            try {
                String line = out.readLine();
                if (line != null) {
                    PytorchProcess pp = new PytorchProcess(p, script, JSON.readTree(line), out, in);
                    pp.drainErrors();
                    return pp;
                }
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                p.waitFor(10, TimeUnit.SECONDS);
                problems.add(err.isEmpty() ? python + " exited without output" : err.lines().reduce((a, b) -> b).orElse(err));
            } catch (IOException e) {
                p.destroy();
                problems.add(python + ": " + e.getMessage());
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                throw new CancellationException("benchmark interrupted");
            }
        }
        try {
            Files.deleteIfExists(script);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temporary folder
        }
        throw new Unavailable("PyTorch half skipped: " + String.join("; ", problems)
                + " (install Debian's python3-torch, or pass --python CMD)");
    }

    /** Keeps the script's stderr (warnings) from filling the pipe; the last lines go into errors. */
    private void drainErrors() {
        Thread t = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = err.readLine()) != null) {
                    synchronized (errors) {
                        errors.setLength(0);
                        errors.append(l);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "pytorch-stderr");
        t.setDaemon(true);
        t.start();
    }

    /** @return what the script reported when ready: torch version, threads, parameters, Python */
    JsonNode ready() {
        return ready;
    }

    /**
     * Times one round in the Python process.
     *
     * @return {"train64": [wall, cpu], …, "infer128": [wall, cpu], …}, seconds
     */
    JsonNode round() {
        try {
            in.write("round\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                String last;
                synchronized (errors) {
                    last = errors.toString();
                }
                throw new CliFailure("the PyTorch script stopped" + (last.isEmpty() ? "" : ": " + last), null);
            }
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new CliFailure("the PyTorch script failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(script);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temporary folder
        }
    }

    private static String join(int[] v) {
        StringBuilder s = new StringBuilder();
        for (int x : v) {
            s.append(s.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%d", x));
        }
        return s.toString();
    }
}
