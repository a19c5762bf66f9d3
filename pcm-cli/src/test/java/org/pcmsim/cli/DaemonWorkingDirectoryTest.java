package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcmsim.cli.daemon.DaemonClient;
import org.pcmsim.cli.daemon.DaemonServer;
import org.pcmsim.cli.daemon.Request;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Relative paths of a daemon request mean the client's working directory, not the daemon JVM's: every
 * file option of pcm, parsed against a client folder, and a whole figure run through a daemon.
 */
class DaemonWorkingDirectoryTest {
    @TempDir
    Path dir;

    /** The command object {@code args} name, parsed as the daemon parses a request from {@code cwd}. */
    private static Object parsed(Path cwd, String... args) {
        CommandLine cl = PcmCommand.commandLine(FigureRegistry.standard(), false, WorkingDirectory.of(cwd), 0);
        ParseResult pr = cl.parseArgs(args);
        while (pr.subcommand() != null) {
            pr = pr.subcommand();
        }
        return pr.commandSpec().userObject();
    }

    @Test
    void everyFileOptionResolvesAgainstTheClientsFolder() {
        Path cwd = dir.resolve("client");
        MvmRunCommand mvm = (MvmRunCommand) parsed(cwd, "run", "figure-4a", "--out", "figs");
        assertEquals(cwd.resolve("figs"), mvm.options.out);
        assertEquals(cwd.resolve("figures"), ((MvmRunCommand) parsed(cwd, "run", "bitnet")).options.out, "the default");
        assertEquals(Path.of("/abs/x"), ((MvmRunCommand) parsed(cwd, "run", "figure-4c", "--out", "/abs/x")).options.out);

        DnnRunCommand dnn = (DnnRunCommand) parsed(cwd, "run", "figure-5a", "--dataset", "cifar10", "--data-dir", "data",
                "--model", "m.zip", "--work", "../w", "--out", "o");
        assertEquals(cwd.resolve("data"), dnn.dnn.dataDir);
        assertEquals(cwd.resolve("m.zip"), dnn.dnn.model);
        assertEquals(cwd.resolve("../w"), dnn.dnn.work);
        assertEquals(cwd.resolve("o"), dnn.options.out);

        TrainCommand train = (TrainCommand) parsed(cwd, "train", "--dataset", "synthetic", "--model", "t.zip");
        assertEquals(cwd.resolve("figures"), train.out);
        assertEquals(cwd.resolve("t.zip"), train.dnn.model);

        assertEquals(cwd.resolve("pub"), ((BenchCommand) parsed(cwd, "bench", "--vs-published", "pub")).published);
    }

    @Test
    void withoutADaemonPathsStayAsTyped() {
        CommandLine cl = PcmCommand.commandLine(FigureRegistry.standard(), false);
        ParseResult pr = cl.parseArgs("run", "figure-4a", "--out", "figs");
        assertEquals(Path.of("figs"), ((MvmRunCommand) pr.subcommand().subcommand().commandSpec().userObject()).options.out);
        WorkingDirectory client = WorkingDirectory.of(dir);
        assertEquals(Path.of("figs/a.csv"), client.display(dir.resolve("figs/a.csv")));
        assertEquals(Path.of("/elsewhere/a.csv"), client.display(Path.of("/elsewhere/a.csv")));
    }

    @Test
    void aFigureRunThroughTheDaemonReadsAndWritesInTheClientsFolder() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("client"));
        Files.write(cwd.resolve("w.npy"), npy4x4());
        DaemonServer server = DaemonServer.bind(dir.resolve("d.sock"), FigureRegistry.standard(), () -> { });
        Thread t = new Thread(server::serve);
        t.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Request r = new Request(cwd, List.of("run", "figure-4a", "--weights", "w.npy", "--crossbar-size", "4",
                "--trials", "2", "--format", "csv", "--out", "rel/figs"), false, false, 0, "UTF-8", Map.of());
        int code = DaemonClient.run(dir.resolve("d.sock"), r, out, err);
        server.close();
        t.join(10_000);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(cwd.resolve("rel/figs/figure-4a-w.csv")));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("figure-4a: wrote rel/figs/figure-4a-w.csv ("));
        assertFalse(Files.exists(Path.of("rel")), "nothing in the daemon JVM's own folder");
    }

    /** A 4 x 4 float64 matrix in numpy's .npy format (version 1.0, C order). */
    private static byte[] npy4x4() {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 4), }";
        int total = 10 + header.length() + 1;
        header += " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 16 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 16; i++) {
            b.putDouble(Math.sin(i + 1.0));
        }
        return b.array();
    }
}
