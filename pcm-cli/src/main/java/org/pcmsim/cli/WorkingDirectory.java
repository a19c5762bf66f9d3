package org.pcmsim.cli;

import java.io.File;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The folder that relative paths on a command line mean. A fresh JVM's own working directory,
 * or, in the daemon ({@link org.pcmsim.cli.daemon}), the working directory of the client that sent
 * the request: a JVM cannot change its working directory, so every relative path of a request is
 * resolved here instead, through the converters {@link #register} installs for {@link Path} and
 * {@link File} options and through {@link #resolve} for paths built in code.
 */
public final class WorkingDirectory {
    private static final WorkingDirectory JVM = new WorkingDirectory(null);

    /** The client's folder; null for this JVM's own, where relative paths stay relative. */
    private final Path base;

    private WorkingDirectory(Path base) {
        this.base = base;
    }

    /** @return this JVM's own working directory: relative paths are left as typed */
    public static WorkingDirectory jvm() {
        return JVM;
    }

    /**
     * @param base an absolute folder, e.g. the client's working directory
     * @return a working directory that resolves relative paths against {@code base}
     * @throws IllegalArgumentException if {@code base} is relative
     */
    public static WorkingDirectory of(Path base) {
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("working directory must be absolute, got '" + base + "'");
        }
        return new WorkingDirectory(base);
    }

    /**
     * @param typed a path as the user typed it
     * @return the path it means: absolute paths as they are, relative ones against this folder
     * @throws java.nio.file.InvalidPathException if it is no path
     */
    public Path resolve(String typed) {
        Path p = Path.of(typed);
        return base == null ? p : base.resolve(p);
    }

    /**
     * A path for the user's eyes: one under the client's folder is shown relative to it, as a fresh
     * JVM started there would show it ({@code figures/figure-4a.png}).
     *
     * @param p a path this working directory resolved
     * @return the path to print
     */
    public Path display(Path p) {
        return base != null && p.startsWith(base) && !p.equals(base) ? base.relativize(p) : p;
    }

    /**
     * Makes every {@link Path} and {@link File} option of {@code cl} and its subcommands (those added
     * so far) resolve against this folder.
     *
     * @param cl a command line whose subcommands are all added
     */
    public void register(CommandLine cl) {
        if (base != null) {
            cl.registerConverter(Path.class, this::resolve);
            cl.registerConverter(File.class, v -> resolve(v).toFile());
        }
    }
}
