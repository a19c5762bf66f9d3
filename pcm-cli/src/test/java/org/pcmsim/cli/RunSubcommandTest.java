package org.pcmsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcmsim.cli.figures.FigureRegistry;
import picocli.CommandLine;

/**
 * {@code pcm run <figure>} is one subcommand per figure: picocli accepts the MVM options for the
 * MVM figures and the DNN options for the DNN figures only, and the refusal says which figures take
 * the option.
 */
class RunSubcommandTest {

    private static void usageError(CliRunner r, String... parts) {
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.errLines(), r.err);
        for (String p : parts) {
            assertTrue(r.err.contains(p), "'" + p + "' in: " + r.err);
        }
        assertFalse(r.err.contains("\tat "), r.err);
    }

    @Test
    void everyFigureIsASubcommandWithItsKindsOptionsOnly() {
        CommandLine run = PcmCommand.commandLine(FigureRegistry.standard(), false).getSubcommands().get("run");
        FigureRegistry registry = FigureRegistry.standard();
        assertEquals(registry.names(), run.getSubcommands().keySet().stream().toList());
        for (CommandLine sub : run.getSubcommands().values()) {
            boolean dnn = sub.getCommand() instanceof DnnRunCommand;
            CommandLine.Model.CommandSpec s = sub.getCommandSpec();
            for (String shared : new String[] {"--out", "--seed", "--threads", "--format", "--quiet", "--drift",
                "--read-noise", "--programming-noise"}) {
                assertNotNull(s.findOption(shared), shared + " on " + sub.getCommandName());
            }
            for (String mvm : new String[] {"--trials", "--slices", "--device", "--gdc", "--crossbar-size"}) {
                assertEquals(!dnn, s.findOption(mvm) != null, mvm + " on " + sub.getCommandName());
            }
            for (String d : new String[] {"--chips", "--dataset", "--model", "--epochs"}) {
                assertEquals(dnn, s.findOption(d) != null, d + " on " + sub.getCommandName());
            }
        }
        assertNull(run.getCommandSpec().findOption("--out"), "options follow the figure");
    }

    @Test
    void anOptionOfTheOtherKindNamesTheFigureAndWhoTakesIt() {
        usageError(CliRunner.run("run", "figure-4a", "--chips", "3"),
                "Invalid option '--chips' for figure-4a: it applies to the DNN figures");
        usageError(CliRunner.run("run", "figure-5a", "--dataset", "synthetic", "--trials", "5"),
                "Invalid option '--trials' for figure-5a: it applies to the Monte Carlo MVM figures only");
        usageError(CliRunner.run("run", "figure-5c", "--no-gdc"),
                "Invalid option '--no-gdc' for figure-5c: --gdc applies to the Monte Carlo MVM figures only");
        usageError(CliRunner.run("run", "all", "--dataset=synthetic"), "Invalid option '--dataset' for all");
        usageError(CliRunner.run("run", "figure-4a", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void aMissingOrUnknownFigureOrAnOptionBeforeItIsAUsageError() {
        usageError(CliRunner.run("run"), "Missing required parameter: '<figure>'");
        usageError(CliRunner.run("run", "figure-9z"), "unknown figure 'figure-9z'", "figure-4a");
        usageError(CliRunner.run("run", "--trials", "5", "figure-4a"), "'--trials'", "options follow the figure");
    }

    @Test
    void eachFigureHasItsOwnHelp() {
        CliRunner mvm = CliRunner.run("run", "figure-4a", "--help");
        assertEquals(0, mvm.exit, mvm.err);
        assertTrue(mvm.out.contains("--trials") && !mvm.out.contains("--chips"), mvm.out);
        CliRunner dnn = CliRunner.run("run", "figure-5a", "--help");
        assertEquals(0, dnn.exit, dnn.err);
        assertTrue(dnn.out.contains("--dataset") && !dnn.out.contains("--trials"), dnn.out);
        CliRunner run = CliRunner.run("run", "--help");
        assertTrue(run.out.contains("figure-5c") && run.out.contains("bitnet"), run.out);
    }
}
