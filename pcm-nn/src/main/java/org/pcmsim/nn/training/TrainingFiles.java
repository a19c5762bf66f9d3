package org.pcmsim.nn.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash-proof files of a training run: every model and checkpoint file is written under a
 * temporary name unique to the process and the write ({@code .<name>.<pid>-<random>.tmp}, in the
 * target's folder) and renamed over the target only when complete, so a kill, Ctrl-C or full disk
 * leaves either the old file or the new one, never a partial one. Temporaries whose process is gone
 * (a SIGKILL) are removed by the next write into the same folder. A checkpoint folder is locked for
 * the whole training, so two runs never write the same checkpoint.
 */
public final class TrainingFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d+)-[0-9a-z]+\\.tmp");
    private static final String LOCK = ".training.lock";

    private TrainingFiles() {
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param file the (temporary) file to write
         * @throws IOException if writing fails
         */
        void write(Path file) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary in its folder, then renames it; the temporary is
     * deleted if writing fails. Stale temporaries of the same target are removed first.
     *
     * @param target the file to write
     * @param writer writes the content
     * @throws IOException if the folder cannot be created or the content cannot be written
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(dir);
        String name = abs.getFileName().toString();
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        boolean done = false;
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Deletes the temporaries in a folder left by processes that no longer run.
     *
     * @param dir the folder
     * @return how many were deleted
     * @throws IOException if the folder cannot be listed
     */
    public static int removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMPORARY.matcher(f.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(2)))) {
                    if (Files.deleteIfExists(f)) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A held lock on a folder; closing releases it. */
    public interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Locks a checkpoint folder for this process (an OS file lock on {@code .training.lock}, released
     * when the process ends, however it ends).
     *
     * @param dir the folder, created if needed
     * @return the held lock
     * @throws IllegalStateException naming the folder if another run (or another thread) holds it
     * @throws IOException if the lock file cannot be created
     */
    public static Lock lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another training run is using " + dir + " (it holds " + file
                    + "); wait for it to finish, then rerun to reuse its model, or use another --work folder");
        }
        FileLock held = lock;
        return () -> {
            try {
                held.release();
            } finally {
                channel.close();
            }
        };
    }
}
