package org.pcmsim.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a group of files so that readers never see a partial one, nor a mix of old and new files:
 * every file is first written completely to a hidden temporary file in the target folder, and only
 * when the whole group has been written are the temporaries renamed over their targets. If a write
 * fails, or the JVM is stopped (Ctrl-C), the temporaries are deleted and the targets are untouched;
 * if a rename fails, the files already renamed are put back as they were.
 *
 * <p>Temporaries are named {@code .<target>.<pid>-<random>.tmp}. A process killed outright (SIGKILL)
 * cannot delete its own, so the first group written into a folder removes those of processes that
 * no longer run ({@link #removeStale}).
 *
 * <p>Files of one group may be written from several threads at once; commit and close from one.
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

    private static final long PID = ProcessHandle.current().pid();

    // .<target>.<pid>-<random>.tmp; only names of this form are ever deleted by removeStale.
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-[0-9a-z]+\\.tmp");

    // Folders already cleaned by this process.
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final Map<Path, Path> staged = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean committed;

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
        if (CLEANED.add(folder.toAbsolutePath().normalize())) {
            removeStale(folder);
        }
        Path target = folder.resolve(fileName);
        Path tmp = temporary(fileName);
        staged.put(target, tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        }
    }

    /**
     * A fresh temporary name beside a target, registered for deletion at shutdown. Not
     * Files.createTempFile: that makes the file private (0600), and the renamed result should get
     * the same permissions as any other file the user creates.
     */
    private Path temporary(String fileName) {
        Path tmp = folder.resolve("." + fileName + "." + PID + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + ".tmp");
        PENDING.add(tmp);
        return tmp;
    }

    /**
     * Renames every temporary over its target, all or none: each existing target is first kept
     * under a temporary name (a hard link where the file system has them, else a copy), so that if a
     * rename fails the targets renamed before it get their old content back, and new ones are removed.
     *
     * @return the files written, in the order they were staged
     * @throws IOException if a rename fails; the targets are then as before the commit
     */
    public List<Path> commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("group already committed");
        }
        committed = true;
        List<Map.Entry<Path, Path>> entries;
        synchronized (staged) {
            entries = new ArrayList<>(staged.entrySet());
        }
        Map<Path, Path> backups = new LinkedHashMap<>();
        List<Path> done = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> e : entries) {
                if (Files.isRegularFile(e.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                    Path backup = temporary(e.getKey().getFileName().toString());
                    keep(e.getKey(), backup);
                    backups.put(e.getKey(), backup);
                }
            }
            for (Map.Entry<Path, Path> e : entries) {
                move(e.getValue(), e.getKey());
                PENDING.remove(e.getValue());
                done.add(e.getKey());
            }
        } catch (IOException | RuntimeException e) {
            for (Path target : done) {
                try {
                    Path backup = backups.remove(target);
                    if (backup != null) {
                        move(backup, target);
                        PENDING.remove(backup);
                    } else {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        } finally {
            for (Path backup : backups.values()) {
                Files.deleteIfExists(backup);
                PENDING.remove(backup);
            }
        }
        staged.clear();
        return done;
    }

    private static void keep(Path target, Path backup) throws IOException {
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Deletes the temporaries that processes which no longer run left in a folder (a SIGKILL or a
     * power cut mid-write), so they do not pile up. Temporaries of a running process, this one or
     * another writing into the same folder, are left alone.
     *
     * @param folder the folder to clean; nothing happens if it does not exist
     * @return how many files were deleted
     */
    public static int removeStale(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (m.matches() && !PENDING.contains(f) && stale(m.group(1)) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | SecurityException e) {
            // Best effort: a folder that cannot be listed fails the write itself with a clear message.
        }
        return removed;
    }

    private static boolean stale(String pid) {
        long id;
        try {
            id = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return false;
        }
        return id != PID && ProcessHandle.of(id).map(p -> !p.isAlive()).orElse(true);
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
        List<Path> left;
        synchronized (staged) {
            left = new ArrayList<>(staged.values());
        }
        for (Path tmp : left) {
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
