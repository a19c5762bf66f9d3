package org.pcmsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What software produced a result: the project, its version and the git commit its classes were built
 * from. Every provenance record starts with one.
 *
 * <p>The commit is determined when pcm-core is built (a build step runs {@code git rev-parse HEAD} in the
 * repository the sources are in); a build from a source copy without git history, or without git
 * installed, leaves it unknown ({@code null}).
 *
 * @param project the project's name, {@code pcm-sim}
 * @param version the project version, e.g. {@code 0.1.0}
 * @param gitCommit the full 40-digit commit id the classes were built from; null when unknown
 * @param gitDirty whether tracked files differed from that commit when the classes were built; null
 *     when unknown
 */
public record Build(String project, String version, String gitCommit, Boolean gitDirty) {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Build CURRENT = load();

    /** Checks the names and that a commit id, if any, is 40 hex digits. */
    public Build {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(version, "version");
        if (project.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("project and version must not be blank, got '" + project + "' '"
                    + version + "'");
        }
        if (gitCommit != null && !COMMIT.matcher(gitCommit).matches()) {
            throw new IllegalArgumentException("gitCommit must be 40 lower-case hex digits, got '" + gitCommit + "'");
        }
        if (gitCommit == null && gitDirty != null) {
            throw new IllegalArgumentException("gitDirty must be unknown (null) when the commit is, got " + gitDirty);
        }
    }

    /** @return this build of pcm-core: {@code pcm-sim}, {@link Version#get()} and the commit, if known */
    public static Build current() {
        return CURRENT;
    }

    private static Build load() {
        try (InputStream in = Build.class.getResourceAsStream("git.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String commit = p.getProperty("commit", "").trim();
            String dirty = p.getProperty("dirty", "").trim();
            boolean known = COMMIT.matcher(commit).matches();
            return new Build("pcm-sim", Version.get(), known ? commit : null,
                    known && !dirty.isEmpty() ? Boolean.valueOf(dirty) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
