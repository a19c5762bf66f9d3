package org.pcmsim.cli.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The daemon's wire format: frames of one type byte, a 4-byte big-endian length and that many bytes.
 * Client to server, one frame: {@link #RUN}, {@link #STATUS} or {@link #STOP}. Server to client:
 * {@link #STARTED}, then any number of {@link #STDOUT} and {@link #STDERR}, then {@link #EXIT}; or
 * {@link #FALLBACK} alone. Uses java.base only (the client loads it).
 *
 * <p>Reads and writes go straight to the {@link SocketChannel}: the streams of
 * {@link java.nio.channels.Channels} lock the channel for a blocking read, which would stall the
 * output of a request while the server waits to notice the client leaving.
 */
public final class Frames {
    /** Client: run the command of the encoded {@link Request}. */
    public static final byte RUN = 'R';
    /** Client: report the daemon's state (answered with {@link #STDOUT} and {@link #EXIT}). */
    public static final byte STATUS = 'S';
    /** Client: stop the daemon once this frame is answered. */
    public static final byte STOP = 'Q';
    /** Server: the command runs here; what follows is its output. */
    public static final byte STARTED = 'A';
    /** Server: bytes of the command's stdout. */
    public static final byte STDOUT = 'O';
    /** Server: bytes of the command's stderr. */
    public static final byte STDERR = 'E';
    /** Server: the command's exit code, 4 bytes. */
    public static final byte EXIT = 'X';
    /** Server: not run here (busy, or a command that needs a fresh JVM); the payload says why. */
    public static final byte FALLBACK = 'F';

    /** The largest frame either side accepts, bytes: far above any request or output chunk. */
    static final int MAX_FRAME = 16 << 20;

    /**
     * One frame read.
     *
     * @param type its type byte
     * @param payload its bytes
     */
    public record Frame(byte type, byte[] payload) {
        /** @return the payload of an {@link #EXIT} frame as an int */
        public int code() {
            return ByteBuffer.wrap(payload).getInt();
        }
    }

    private Frames() {
    }

    /**
     * Writes one frame; callers on several threads share a lock ({@link Writer}).
     *
     * @param ch the connection
     * @param type the frame type
     * @param b the bytes
     * @param off where they start
     * @param len how many
     * @throws IOException if the other side is gone
     */
    static void write(SocketChannel ch, byte type, byte[] b, int off, int len) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5).put(type).putInt(len).flip();
        ByteBuffer[] both = {head, ByteBuffer.wrap(b, off, len)};
        while (both[0].hasRemaining() || both[1].hasRemaining()) {
            ch.write(both);
        }
    }

    /**
     * @param ch the connection
     * @param type the frame type
     * @param payload the bytes
     * @throws IOException if the other side is gone
     */
    public static void write(SocketChannel ch, byte type, byte[] payload) throws IOException {
        write(ch, type, payload, 0, payload.length);
    }

    /**
     * @param ch the connection
     * @param code an exit code
     * @throws IOException if the other side is gone
     */
    public static void writeExit(SocketChannel ch, int code) throws IOException {
        write(ch, EXIT, ByteBuffer.allocate(4).putInt(code).array());
    }

    /**
     * @param ch the connection
     * @return the next frame
     * @throws EOFException if the other side closed the connection before a whole frame
     * @throws IOException on any other failure, or a length beyond {@link #MAX_FRAME}
     */
    public static Frame read(SocketChannel ch) throws IOException {
        ByteBuffer head = fill(ch, ByteBuffer.allocate(5));
        byte type = head.get(0);
        int len = head.getInt(1);
        if (len < 0 || len > MAX_FRAME) {
            throw new IOException("bad frame length " + len);
        }
        return new Frame(type, fill(ch, ByteBuffer.allocate(len)).array());
    }

    private static ByteBuffer fill(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("connection closed");
            }
        }
        return b;
    }

    /** Frames written from several threads (a command's workers print too), one frame at a time. */
    static class Writer {
        private final SocketChannel ch;

        Writer(SocketChannel ch) {
            this.ch = ch;
        }

        synchronized void write(byte type, byte[] b, int off, int len) throws IOException {
            Frames.write(ch, type, b, off, len);
        }

        /**
         * @param type {@link #STDOUT} or {@link #STDERR}
         * @return a stream whose every write becomes one frame of that type
         */
        OutputStream stream(byte type) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (len > 0) {
                        Writer.this.write(type, b, off, len);
                    }
                }
            };
        }
    }
}
