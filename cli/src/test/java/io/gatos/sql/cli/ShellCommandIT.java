package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Feeds a script to {@code gatos shell} on a small generated ledger. */
class ShellCommandIT {
    @TempDir Path temp;

    @Test
    void runsStatementsFromItsInputAndExitsZero() {
        Path ledger = temp.resolve("ledger.git");
        assertThat(Cli.run("generate", "--out", ledger.toString(), "--events", "50").exitCode())
                .isZero();
        CommandLine commandLine = new CommandLine(new GatosCommand());
        ShellCommand shell = commandLine.getSubcommands().get("shell").getCommand();
        shell.input =
                new ByteArrayInputStream(
                        "SELECT COUNT(*) AS n FROM events;\n!quit\n".getBytes(UTF_8));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        int code;
        System.setOut(new PrintStream(console, true, UTF_8));
        try {
            code =
                    commandLine
                            .setErr(new PrintWriter(new StringWriter()))
                            .execute("shell", "--repo", ledger.toString());
        } finally {
            System.setOut(savedOut);
        }

        assertThat(code).isZero();
        assertThat(console.toString(UTF_8)).contains("| 50 |");
    }

    @Test
    void failsWith2BeforeStartingSqllineOnABadRepository() {
        Cli cli = Cli.run("shell", "--repo", temp.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(Ledgers.HINT);
    }
}
