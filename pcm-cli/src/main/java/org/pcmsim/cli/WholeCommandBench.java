package org.pcmsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

/**
 * The whole-command timings of {@code pcm bench --whole} and {@code --vs-published}: {@code pcm run}
 * in a fresh JVM started like this one (same Java, same JVM options, so the launcher's heap limit and
 * class-data-sharing archive too), and the published Python scripts of the reference engine
 * (lciric/pcm-bitslicing, NumPy + joblib + matplotlib) run from a checkout.
 */
final class WholeCommandBench {

    /** The published script of each MVM figure, under {@code scripts/} of a checkout. */
    static final Map<String, String> PUBLISHED_SCRIPTS = Map.of("figure-4a", "run_figure_4a.py",
            "figure-4b", "run_figure_4b.py", "figure-4c", "run_figure_4c.py", "bitnet", "run_bitnet_extension.py");

    /**
     * A published script's times.
     *
     * @param sweepSeconds the Monte Carlo sweep: from its first output line to its {@code Total:} line
     * @param wholeSeconds the whole process: interpreter start, imports, sweep, plot, PNG
     */
    record Published(double sweepSeconds, double wholeSeconds) {
    }

    private WholeCommandBench() {
    }

    /**
     * Times {@code pcm <args>} in a fresh JVM, writing into a temporary folder that is then deleted.
     *
     * @param args e.g. {@code run figure-4a}; {@code --quiet --out <tmp>} are added
     * @return wall time, s
     */
    static double timeOurs(List<String> args) {
        Path out = null;
        try {
            out = Files.createTempDirectory("pcm-bench-whole");
            List<String> cmd = new ArrayList<>();
            cmd.add(javaCommand());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(PcmCommand.class.getName());
            cmd.addAll(args);
            cmd.addAll(List.of("--quiet", "--out", out.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(out.resolve("output.log").toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            int rc = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (rc != 0) {
                List<String> log = Files.readAllLines(out.resolve("output.log"));
                throw new CliFailure("'pcm " + String.join(" ", args) + "' failed (exit " + rc + "): "
                        + (log.isEmpty() ? "no output" : log.get(log.size() - 1)), null);
            }
            return seconds;
        } catch (IOException e) {
            throw new CliFailure("cannot start 'pcm " + String.join(" ", args) + "' in a new JVM: "
                    + CliFailure.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("benchmark interrupted");
        } finally {
            deleteTree(out);
        }
    }

    /** @return the java binary this JVM runs on */
    static String javaCommand() {
        Optional<String> self = ProcessHandle.current().info().command();
        return self.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Checks, before any timing, that a checkout and a Python with the published engine's packages
     * are there.
     *
     * @param dir the checkout of lciric/pcm-bitslicing
     * @param python the Python command
     * @param figures the figures to compare
     * @throws CliFailure one line saying what is missing and how to get it
     */
    static void checkPublished(Path dir, String python, List<String> figures) {
        for (String f : figures) {
            Path script = dir.resolve("scripts").resolve(PUBLISHED_SCRIPTS.get(f));
            if (!Files.isRegularFile(script)) {
                throw new CliFailure("--vs-published: no " + script + "; give a checkout of the published engine "
                        + "(git clone of lciric/pcm-bitslicing)", null);
            }
        }
        String missing;
        try {
            Process p = new ProcessBuilder(python, "-c", "import numpy, joblib, matplotlib").redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            missing = p.waitFor() == 0 ? null : output.lines().reduce((a, b) -> b).orElse("import failed");
        } catch (IOException e) {
            missing = "cannot run '" + python + "'";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("benchmark interrupted");
        }
        if (missing != null) {
            throw new CliFailure("--vs-published: " + python + " cannot import numpy, joblib and matplotlib (" + missing
                    + "); install them (Debian: apt-get install python3-numpy python3-joblib python3-matplotlib) or "
                    + "name another interpreter with --python", null);
        }
    }

    /**
     * Runs a published script once, from a temporary working folder (it writes {@code figures/*.png}
     * there), with unbuffered output so that its lines can be timed as they come.
     *
     * @param dir the checkout
     * @param python the Python command
     * @param figure the figure, a key of {@link #PUBLISHED_SCRIPTS}
     * @return its times
     */
    static Published timePublished(Path dir, String python, String figure) {
        Path work = null;
        Path script = dir.resolve("scripts").resolve(PUBLISHED_SCRIPTS.get(figure)).toAbsolutePath();
        try {
            work = Files.createTempDirectory("pcm-bench-published");
            ProcessBuilder pb = new ProcessBuilder(python, "-u", script.toString()).directory(work.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("MPLBACKEND", "Agg");
            long t0 = System.nanoTime();
            Process p = pb.start();
            long first = -1;
            long total = -1;
            StringBuilder line = new StringBuilder();
            String last = "";
            try (InputStream in = p.getInputStream()) {
                int c;
                while ((c = in.read()) >= 0) {
                    long now = System.nanoTime();
                    first = first < 0 ? now : first;
                    if (c == '\n') {
                        last = line.toString();
                        if (last.startsWith("Total:")) {
                            total = now;
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            }
            int rc = p.waitFor();
            long end = System.nanoTime();
            if (rc != 0 || total < 0) {
                throw new CliFailure("published script " + script + " failed (exit " + rc + "): " + last, null);
            }
            return new Published((total - first) / 1e9, (end - t0) / 1e9);
        } catch (IOException e) {
            throw new CliFailure("cannot run published script " + script + ": " + CliFailure.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("benchmark interrupted");
        } finally {
            deleteTree(work);
        }
    }

    /** @return the median of the values */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Deletes a temporary folder and everything in it, quietly. */
    static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
