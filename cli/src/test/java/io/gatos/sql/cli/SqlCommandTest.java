package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {
    @TempDir Path temp;

    @Test
    void failsWith2NamingAMissingRepositoryAndTheFix() {
        Path missing = temp.resolve("nowhere.git");

        Cli cli = Cli.run("sql", "--repo", missing.toString(), "SELECT 1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains("no such repository: " + missing)
                .contains(Ledgers.HINT)
                .doesNotContain("Exception");
    }

    @Test
    void failsWith2ForAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "hello");

        Cli cli = Cli.run("sql", "--repo", file.toString(), "SELECT 1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("not a directory: " + file).contains(Ledgers.HINT);
    }

    @Test
    void failsWith2ForADirectoryThatIsNoGatosRepository() {
        Cli cli = Cli.run("sql", "--repo", temp.toString(), "SELECT 1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .startsWith("gatos sql: ")
                .contains(temp.toString())
                .contains(Ledgers.HINT)
                .doesNotContain("\tat ");
    }

    @Test
    void failsWith2WithoutRepo() {
        Cli cli = Cli.run("sql", "SELECT 1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required option: '--repo=PATH'");
    }

    @Test
    void failsWith2ForAnUnknownFormat() {
        Cli cli = Cli.run("sql", "--repo", temp.toString(), "--format", "xml", "SELECT 1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--format", "xml", "table, csv, json, ndjson");
    }
}
