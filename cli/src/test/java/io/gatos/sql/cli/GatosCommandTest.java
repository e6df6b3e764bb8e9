package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatosCommandTest {
    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("sql ", "shell ", "generate ", "demo ", "Exit codes:", "0   Success.")
                .contains("export ", "verify ", "materialize ", "import ")
                .contains("1   Internal error", "2   Usage error", "3   Skipped", "4   Mismatch");
    }

    @Test
    void everySubcommandDocumentsTheExitCodes() {
        for (String name : new String[] {
                    "sql", "shell", "generate", "demo", "export", "verify", "materialize", "import", "serve",
                    "passwd"
                }) {
            Cli cli = Cli.run(name, "--help");

            assertThat(cli.exitCode()).as(name).isZero();
            assertThat(cli.out())
                    .as(name)
                    .startsWith("Usage: gatos " + name)
                    .contains("Exit codes:");
        }
    }

    @Test
    void printsUsageWithoutASubcommand() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: gatos");
    }

    @Test
    void rejectsAnUnknownSubcommandWithExitCode2() {
        Cli cli = Cli.run("frobnicate");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument", "frobnicate");
    }

    @Test
    void printsAVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("gatos ");
    }
}
