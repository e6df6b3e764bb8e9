package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code gatos} jar as a user does on queries that fail inside generated code
 * and on a repository without GATOS refs, and asserts the exit code and a single line on stderr,
 * never {@code Exception in thread "main"}.
 */
class CliFailuresIT {
    @TempDir static Path temp;
    static LedgerTestRepository ledger;
    static Path empty;

    @BeforeAll
    static void build() throws Exception {
        ledger = TestLedgers.orders(temp.resolve("ledger.git"));
        empty = Files.createDirectories(temp.resolve("empty.git"));
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(empty.toFile()).call().close();
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void anErrorInsideAQueryIsAnSqlErrorOnOneLine() throws Exception {
        Run run = gatos("sql", "--repo", ledger.path().toString(), "SELECT CAST(2 AS INTEGER)/0 FROM (VALUES(1))");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).startsWith("gatos sql: SQL error: ").contains("by zero")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aRepositoryWithoutGatosRefsExitsTheSameFromSqlAndExport() throws Exception {
        Run sql = gatos("sql", "--repo", empty.toString(), "SELECT 1");
        Run export = gatos("export", "--repo", empty.toString(), "--format", "sqlite", "--out",
                temp.resolve("e.sqlite").toString());
        assertThat(sql.code()).as(sql.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(export.code()).as(export.err()).isEqualTo(ExitCodes.INPUT);
    }

    private static Run gatos(String... args) throws Exception {
        Path jar = Path.of("target", "gatos.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path err = Files.createTempFile(temp, "err", ".txt");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(err, UTF_8));
    }

    private record Run(int code, String err) {
    }
}
