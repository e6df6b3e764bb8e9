package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class GenerateCommandTest {
    @TempDir Path temp;

    @Test
    void refusesANonEmptyOutWith2NamingThePath() throws Exception {
        Files.writeString(temp.resolve("keep.txt"), "mine");

        Cli cli = Cli.run("generate", "--out", temp.toString(), "--events", "10");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(temp.toString(), "not an empty directory");
        assertThat(temp.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void refusesAFileAsOut() throws Exception {
        Path file = Files.writeString(temp.resolve("ledger"), "x");

        Cli cli = Cli.run("generate", "--out", file.toString(), "--events", "10");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(file.toString());
    }

    @Test
    void rejectsFewerThanOneEventAsAUsageError() {
        Cli cli = Cli.run("generate", "--out", temp.resolve("x").toString(), "--events", "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--events must be at least 1, was 0");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void requiresOutAndEvents() {
        Cli cli = Cli.run("generate");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--events=N", "--out=PATH");
    }
}
