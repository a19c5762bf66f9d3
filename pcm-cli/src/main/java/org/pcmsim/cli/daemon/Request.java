package org.pcmsim.cli.daemon;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcmsim.cli.progress.Tty;

/**
 * What the daemon needs to run a command as a fresh JVM in the client's place would: where, with
 * which arguments, whether its streams are terminals, in which charset it writes, and the few
 * environment variables a served command reads. java.base only (the client builds it).
 *
 * @param workingDirectory the client's working directory, absolute
 * @param args the {@code pcm} arguments
 * @param console whether the client has a console ({@link System#console()}: stdin and stdout are
 *                terminals), which picocli's help asks before using colours
 * @param stderrTerminal whether the client's stderr is a terminal: a live progress bar, else lines
 * @param columns the width of that terminal, 0 if unknown
 * @param charset the charset the client's JVM writes its standard streams in
 * @param environment the client's values of {@link #ENVIRONMENT} that are set
 */
public record Request(Path workingDirectory, List<String> args, boolean console, boolean stderrTerminal,
                      int columns, String charset, Map<String, String> environment) {

    /** The environment variables a served command reads at run time: picocli's colour switches. */
    static final List<String> ENVIRONMENT = List.of("NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE");

    /** Validates and copies. */
    public Request {
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("workingDirectory must be absolute, got '" + workingDirectory + "'");
        }
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        Charset.forName(charset);
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be >= 0, got " + columns);
        }
    }

    /**
     * @param args the {@code pcm} arguments
     * @return this process's request: its folder, terminals, charset and environment
     */
    public static Request ofThisProcess(List<String> args) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : ENVIRONMENT) {
            String v = System.getenv(k);
            if (v != null) {
                env.put(k, v);
            }
        }
        boolean stderr = Tty.isTerminal(2);
        return new Request(Path.of("").toAbsolutePath(), args, System.console() != null, stderr,
                stderr ? Tty.columns() : 0, Charset.defaultCharset().name(), env);
    }

    /** @return the frame payload */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(workingDirectory.toString());
            d.writeBoolean(console);
            d.writeBoolean(stderrTerminal);
            d.writeInt(columns);
            d.writeUTF(charset);
            d.writeInt(environment.size());
            for (Map.Entry<String, String> e : environment.entrySet()) {
                d.writeUTF(e.getKey());
                d.writeUTF(e.getValue());
            }
            d.writeInt(args.size());
            for (String a : args) {
                d.writeUTF(a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param payload a {@link Frames#RUN} frame's bytes
     * @return the request
     * @throws IOException if the bytes are no request
     */
    static Request decode(byte[] payload) throws IOException {
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(payload))) {
            Path cwd = Path.of(d.readUTF());
            boolean console = d.readBoolean();
            boolean stderr = d.readBoolean();
            int columns = d.readInt();
            String charset = d.readUTF();
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = count(d.readInt()); i > 0; i--) {
                env.put(d.readUTF(), d.readUTF());
            }
            List<String> args = new ArrayList<>();
            for (int i = count(d.readInt()); i > 0; i--) {
                args.add(d.readUTF());
            }
            return new Request(cwd, args, console, stderr, columns, charset, env);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad request: " + e.getMessage(), e);
        }
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > 100_000) {
            throw new IOException("bad request: count " + n);
        }
        return n;
    }
}
