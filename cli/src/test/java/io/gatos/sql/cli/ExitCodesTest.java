package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Asserts that the exit code depends on the kind of failure, not on the command or the stage that
 * found it (README, "Exit codes"): one code for an SQL error found by the planner or the executor,
 * one for a repository without GATOS refs from every command that reads one, and an internal
 * error (a {@code java.lang.Error} included) as one line on stderr.
 */
class ExitCodesTest {
    @TempDir static Path temp;
    static LedgerTestRepository ledger;
    static Path empty;

    @BeforeAll
    static void build() throws Exception {
        ledger = TestLedgers.orders(temp.resolve("ledger.git"));
        empty = temp.resolve("empty.git");
        Git.init().setBare(true).setDirectory(empty.toFile()).call().close();
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void divisionByZeroIsAnSqlErrorWhetherTheExecutorOrTheFilterFindsIt() {
        String repo = ledger.path().toString();
        Cli inSelect = Cli.run("sql", "--repo", repo, "SELECT pos/0 FROM events LIMIT 1");
        Cli inWhere = Cli.run("sql", "--repo", repo, "SELECT pos FROM events WHERE pos/0 > 1");
        Cli constant = Cli.run("sql", "--repo", repo, "SELECT CAST(2 AS INTEGER)/0 FROM (VALUES(1))");
        for (Cli cli : new Cli[] {inSelect, inWhere, constant}) {
            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.INPUT);
            assertThat(cli.err()).startsWith("gatos sql: SQL error: ").contains("by zero");
            assertThat(cli.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void divisionByZeroInAMaterializedQueryIsTheSameSqlError() {
        Cli cli = Cli.run("materialize", "--repo", ledger.path().toString(), "--query",
                "SELECT pos/0 AS x FROM events", "--table", "t", "--format", "sqlite", "--out",
                temp.resolve("q.sqlite").toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.INPUT);
        assertThat(cli.err()).contains("by zero").doesNotContain("\tat ");
    }

    @Test
    void aRepositoryWithoutGatosRefsIsBadInputForEveryCommandThatReadsOne() {
        String repo = empty.toString();
        Cli sql = Cli.run("sql", "--repo", repo, "SELECT 1");
        Cli export = Cli.run("export", "--repo", repo, "--format", "sqlite", "--out",
                temp.resolve("e.sqlite").toString());
        Cli parquet = Cli.run("export", "--repo", repo, "--format", "parquet", "--out",
                temp.resolve("e-parquet").toString());
        Cli materialize = Cli.run("materialize", "--repo", repo, "--query", "SELECT 1 AS x", "--table", "t",
                "--format", "sqlite", "--out", temp.resolve("m.sqlite").toString());
        for (Cli cli : new Cli[] {sql, export, parquet, materialize}) {
            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.INPUT);
            assertThat(cli.err()).contains("not a GATOS repository").doesNotContain("\tat ");
        }
    }

    @Test
    void aMissingRepositoryIsBadInputToo() {
        String missing = temp.resolve("missing.git").toString();
        assertThat(Cli.run("sql", "--repo", missing, "SELECT 1").exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(Cli.run("export", "--repo", missing, "--format", "sqlite", "--out",
                temp.resolve("x.sqlite").toString()).exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(Cli.run("serve", "--repo", missing, "--port", "0").exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void aJavaLangErrorIsAnInternalErrorOnOneLine() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Thrower()).setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute();
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("gatos boom: internal error: java.lang.ExceptionInInitializerError")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
    }

    @Test
    void classifiesByKindWhereverTheFailureWasWrapped() {
        java.sql.SQLException divide = new java.sql.SQLException("/ by zero", "22012");
        assertThat(ExitCodes.of(new RuntimeException(divide))).isEqualTo(ExitCodes.INPUT);
        assertThat(ExitCodes.of(new RuntimeException(new java.sql.SQLException("disk", "58030"))))
                .isEqualTo(ExitCodes.INTERNAL);
        assertThat(ExitCodes.of(new OutOfMemoryError())).isEqualTo(ExitCodes.INTERNAL);
    }

    /** Throws what a statement's generated code threw, outside any JDBC wrapper. */
    @Command(name = "boom")
    static final class Thrower extends GatosSubcommand {
        @Override
        int run() {
            throw new ExceptionInInitializerError(new ArithmeticException("/ by zero"));
        }
    }
}
