package org.pcmsim.cli.daemon;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the daemon's socket lives: a folder only this user can enter ({@code $XDG_RUNTIME_DIR/pcm},
 * else {@code /tmp/pcm-$USER}, mode 0700), and in it one socket per JVM the launcher would start,
 * named by what that JVM is started from (the jar's size and time, the java binary, the JVM options),
 * so that a rebuilt jar or other options never reach an old daemon. The launcher computes the name
 * and passes it as {@code -Dpcm.daemon.socket}; {@link #ofThisJvm} computes its own without it.
 */
public final class DaemonSocket {
    /** The system property the launcher sets to the socket's path. */
    public static final String PROPERTY = "pcm.daemon.socket";

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private DaemonSocket() {
    }

    /**
     * @param env the environment ({@code XDG_RUNTIME_DIR})
     * @param user the user name
     * @return the daemon folder for that user
     */
    static Path folder(Map<String, String> env, String user) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "pcm");
        }
        return Path.of("/tmp", "pcm-" + user);
    }

    /** @return the socket of a daemon started like this JVM */
    public static Path ofThisJvm() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        String jar = System.getProperty("java.class.path");
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String key;
        try {
            Path j = Path.of(jar);
            key = Files.size(j) + " " + Files.getLastModifiedTime(j).toMillis() / 1000 + " "
                    + Path.of(System.getProperty("java.home"), "bin", "java").toRealPath() + " " + String.join(" ", options);
        } catch (IOException | RuntimeException e) {
            key = jar + " " + System.getProperty("java.home") + " " + String.join(" ", options);
        }
        return folder(System.getenv(), System.getProperty("user.name")).resolve(hash(key) + ".sock");
    }

    /** @return the first 16 hex digits of the SHA-256 of {@code key}, as the launcher's {@code sha256sum} */
    static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the socket's folder with mode 0700, or checks that an existing one belongs to this user
     * and is private (another user could have made {@code /tmp/pcm-$USER} first).
     *
     * @param socket the socket path
     * @throws IOException naming the folder, if it cannot be made private
     */
    static void ensurePrivateFolder(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
        }
        String me = System.getProperty("user.name");
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(me)) {
            throw new IOException(dir + " belongs to " + owner + ", not " + me + "; remove it or set XDG_RUNTIME_DIR");
        }
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
            Files.setPosixFilePermissions(dir, PRIVATE);
        }
    }
}
