package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Generates a small ledger with {@code gatos generate} and queries it with {@code gatos sql}. */
class SqlCommandIT {
    private static final int EVENTS = 300;

    @TempDir static Path temp;
    static Path ledger;

    @BeforeAll
    static void generate() {
        ledger = temp.resolve("ledger.git");

        Cli cli =
                Cli.run("generate", "--out", ledger.toString(), "--events", String.valueOf(EVENTS));

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("wrote " + EVENTS + " events to " + ledger);
        assertThat(cli.err()).contains("(100%)");
    }

    @Test
    void countsEventsPerNamespaceAsCsv() {
        Cli cli =
                Cli.run(
                        "sql",
                        "--repo",
                        ledger.toString(),
                        "--format",
                        "csv",
                        "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns ORDER BY ns");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ns,n");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allMatch(line -> line.matches("[a-z]+,[0-9]+"));
        assertThat(
                        lines.stream()
                                .skip(1)
                                .mapToLong(line -> Long.parseLong(line.split(",")[1]))
                                .sum())
                .isEqualTo(EVENTS);
    }

    @Test
    void printsTimestampsAsUtcStringsInJson() {
        Cli cli =
                Cli.run(
                        "sql",
                        "--repo",
                        ledger.toString(),
                        "--format",
                        "ndjson",
                        "SELECT ts, pos FROM events ORDER BY ts LIMIT 2");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines())
                .hasSize(2)
                .allMatch(
                        line ->
                                line.matches(
                                        "\\{\"ts\":\"2026-[0-9-]+T[0-9:.]+Z\",\"pos\":[0-9]+}"));
    }

    @Test
    void printsATableWithARowCount() {
        Cli cli = Cli.run("sql", "--repo", ledger.toString(), "SELECT COUNT(*) AS n FROM events");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("   n\n-----\n " + EVENTS + "\n(1 row)\n");
    }

    @Test
    void reportsASyntaxErrorWith2AndNoStackTrace() {
        Cli cli = Cli.run("sql", "--repo", ledger.toString(), "SELECT FROM events");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .startsWith("gatos sql: SQL error: ")
                .doesNotContain("\tat ", "Exception", "Was expecting");
    }

    @Test
    void reportsAnUnknownTableWith2() {
        Cli cli = Cli.run("sql", "--repo", ledger.toString(), "SELECT * FROM no_such_table");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith("gatos sql: SQL error: ")
                .containsIgnoringCase("no_such_table");
    }

    @Test
    void printsTheStackTraceWithVerbose() {
        Cli cli = Cli.run("--verbose", "sql", "--repo", ledger.toString(), "SELECT FROM events");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("SQLException", "\tat ");
    }

    @Test
    void refusesToGenerateIntoTheExistingLedger() {
        Cli cli = Cli.run("generate", "--out", ledger.toString(), "--events", "10");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(ledger.toString());
    }
}
