package org.pcmsim.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a group of files so that readers never see a partial one: every file is first written
 * completely to a hidden temporary file in the target folder, and only when the whole group has
 * been written are the temporaries renamed over their targets. If anything fails, or the JVM is
 * stopped (Ctrl-C), the temporaries are deleted and the targets are untouched.
 *
 * <p>Not thread-safe: one group is written by one thread.
 */
public final class AtomicOutput implements AutoCloseable {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write to; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    // Temporaries of every open group, deleted by the shutdown hook if the JVM stops mid-write.
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort while the JVM shuts down; there is nobody left to tell.
                }
            }
        }, "pcm-output-cleanup"));
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private boolean committed;

    /**
     * @param folder the folder the files go to; created (with parents) on the first write
     */
    public AtomicOutput(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes one file of the group to its temporary.
     *
     * @param fileName the target's name inside the folder
     * @param content what to write
     * @throws IOException if the folder cannot be created or the content cannot be written
     */
    public void write(String fileName, Content content) throws IOException {
        if (committed) {
            throw new IllegalStateException("group already committed");
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        // Not Files.createTempFile: that makes the file private (0600), and the renamed result
        // should get the same permissions as any other file the user creates.
        Path tmp = folder.resolve("." + fileName + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        PENDING.add(tmp);
        staged.put(target, tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        }
    }

    /**
     * Renames every temporary over its target.
     *
     * @return the files written, in the order they were staged
     * @throws IOException if a rename fails (files renamed before it stay renamed)
     */
    public List<Path> commit() throws IOException {
        List<Path> done = new ArrayList<>();
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            move(e.getValue(), e.getKey());
            PENDING.remove(e.getValue());
            done.add(e.getKey());
        }
        staged.clear();
        committed = true;
        return done;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the temporaries of a group that was not committed. */
    @Override
    public void close() {
        for (Path tmp : staged.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Nothing better to do; the file is hidden and named *.tmp.
            }
            PENDING.remove(tmp);
        }
        staged.clear();
    }

    /**
     * Checks, without creating anything, that a folder exists and is writable or could be created:
     * its nearest existing ancestor must be a writable folder.
     *
     * @param folder the output folder
     * @throws IOException with a one-line reason if files could not be written there
     */
    public static void checkWritable(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Path p = abs;
        while (p != null && !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        if (p != null && Files.isSymbolicLink(p) && !Files.exists(p)) {
            // A dangling link: creating the folder would fail only after the whole computation.
            throw new IOException("output folder '" + folder + "': '" + p + "' is a symbolic link to '"
                    + Files.readSymbolicLink(p) + "', which does not exist");
        }
        if (p == null) {
            throw new IOException("cannot create output folder '" + folder + "': no existing parent");
        }
        if (!Files.isDirectory(p)) {
            throw new IOException(p.equals(abs)
                    ? "output folder '" + folder + "' is not a folder"
                    : "cannot create output folder '" + folder + "': '" + p + "' is not a folder");
        }
        if (!Files.isWritable(p)) {
            throw new IOException(p.equals(abs)
                    ? "output folder '" + folder + "' is not writable"
                    : "cannot create output folder '" + folder + "': '" + p + "' is not writable");
        }
    }
}
