package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class MaterializeCommandTest extends OrdersLedgerTest {
    private static final String PER_NS = "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns";

    private Path reports;

    @BeforeEach
    void chooseOut() {
        reports = temp.resolve("reports.sqlite");
    }

    private Cli query(String... extra) {
        return Cli.run(
                List.of(
                        "materialize", "--repo", repo(), "--query", PER_NS,
                        "--table", "events_per_ns", "--format", "sqlite", "--out",
                        reports.toString()),
                extra);
    }

    @Test
    void writesTheQueryResultAsATableReadableBySqlite() throws Exception {
        Cli cli = query("--batch-size", "1");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("materialize ").contains("events_per_ns");
        assertThat(TestLedgers.rows(reports, "SELECT ns, n FROM events_per_ns ORDER BY ns"))
                .containsExactly(List.of("billing", 1), List.of("orders", 3));
    }

    @Test
    void runsEveryJobOfAConfigFileWithPathsRelativeToIt() throws Exception {
        Path config =
                config(
                        "  - export: {out: exports/ledger.sqlite, tables: [events, commits]}",
                        "  - query: {sql: \"" + PER_NS + "\", table: events_per_ns, out:"
                                + " exports/reports.sqlite}");

        Cli cli = Cli.run("materialize", "--config", config.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList())
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("export "),
                        line -> assertThat(line).startsWith("materialize "));
        Path exports = config.resolveSibling("exports");
        assertThat(TestLedgers.rows(exports.resolve("ledger.sqlite"), "SELECT COUNT(*) FROM events"))
                .containsExactly(List.of(4));
        assertThat(TestLedgers.rows(exports.resolve("reports.sqlite"), "SELECT SUM(n) FROM events_per_ns"))
                .containsExactly(List.of(4));
    }

    @Test
    void runsParquetExportAndQueryJobsOfAConfigFile() throws Exception {
        Path config =
                config(
                        "  - export: {out: exports/ledger-parquet, format: parquet, tables: [events]}",
                        "  - query: {sql: \"" + PER_NS + "\", format: parquet, out:"
                                + " exports/per-ns, partition_by: ns}");

        Cli cli = Cli.run("materialize", "--config", config.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList()).hasSize(2);
        Path exports = config.resolveSibling("exports");
        assertThat(exports.resolveSibling("exports/ledger-parquet.manifest.json")).exists();
        try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var rs = db.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM read_parquet('"
                        + exports.resolve("ledger-parquet/events/**/*.parquet") + "')), (SELECT SUM(n) FROM"
                        + " read_parquet('" + exports.resolve("per-ns/**/*.parquet") + "'))")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(4L, 4L);
        }
    }

    @Test
    void rejectsATableInAParquetQueryJobWith2() throws Exception {
        Path config =
                config("  - query: {sql: \"" + PER_NS + "\", format: parquet, table: t, out: x}");

        Cli cli = Cli.run("materialize", "--config", config.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("a parquet query job writes the whole of 'out'; remove 'table'");
    }

    @Test
    void reportsAFailingJobAndStillRunsTheNextWith1() throws Exception {
        Path config =
                config(
                        "  - query: {sql: \"SELECT nosuch FROM events\", table: broken, out:"
                                + " exports/reports.sqlite}",
                        "  - query: {sql: \"" + PER_NS + "\", table: events_per_ns, out:"
                                + " exports/reports.sqlite}");

        Cli cli = Cli.run("materialize", "--config", config.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .startsWith("gatos materialize: job query broken failed: ");
        assertThat(cli.out().lines()).singleElement().asString().contains("events_per_ns");
        assertThat(
                        TestLedgers.rows(
                                config.resolveSibling("exports/reports.sqlite"),
                                "SELECT SUM(n) FROM events_per_ns"))
                .containsExactly(List.of(4));
    }

    @Test
    void rejectsConfigWithQueryWith2() throws Exception {
        Cli cli = query("--config", temp.resolve("materialize.yaml").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos materialize: --config and --query are mutually exclusive");
        assertThat(reports).doesNotExist();
    }

    @Test
    void rejectsMissingOptionsWith2() {
        assertThat(Cli.run("materialize").err()).contains("give --query SQL");
        Cli cli =
                Cli.run("materialize", "--repo", repo(), "--query", PER_NS,
                        "--format", "sqlite", "--out", reports.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--query needs --table NAME");
    }

    @Test
    void rejectsAnUnknownFormatWith2() {
        Cli cli = Cli.run("materialize", "--query", PER_NS, "--format", "csv");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'csv' is not a supported format");
    }

    @Test
    void rejectsAConfigWithoutJobsWith2() throws Exception {
        Path config = Files.writeString(temp.resolve("empty.yaml"), "repo: ledger.git\n");

        Cli cli = Cli.run("materialize", "--config", config.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("has no jobs");
    }

    @Test
    void exitsWith3WhenAnotherRunHoldsTheOutput() throws Exception {
        try (FileChannel lock = TestLedgers.lockOutput(reports)) {
            Cli cli = query();

            assertThat(cli.exitCode()).isEqualTo(3);
            assertThat(cli.err()).startsWith("gatos materialize: another run is writing");
        }
    }

    private Cli parquet(String... extra) {
        return Cli.run(
                List.of("materialize", "--format", "parquet", "--query", PER_NS, "--out",
                        temp.resolve("out.parquet").toString()),
                extra);
    }

    @Test
    void rejectsParquetUsageErrorsWith2AndAClearMessage() {
        assertThat(parquet("--repo", repo(), "--table", "t").err())
                .contains("--table is for --format sqlite; a Parquet output holds the one result");
        assertThat(parquet().err()).contains("--query needs --repo PATH or --source NAME=DIR (or both)");
        assertThat(parquet("--repo", repo(), "--partition-by", "month(ts)").err())
                .contains("--partition-by 'month(ts)' must be a column name or year-month(COLUMN)");
        assertThat(parquet("--source", "reports").err())
                .contains("--source 'reports' must be NAME=DIR");
        assertThat(parquet("--source", "gatos=" + temp).err()).contains("not gatos (the ledger's schema)");
        assertThat(parquet("--source", "perf=" + temp).err())
                .contains("no file schema at " + temp.resolve("gatos-files.json"));
        Cli timestamp =
                Cli.run("materialize", "--repo", repo(), "--format", "parquet", "--out",
                        temp.resolve("by-ts").toString(), "--query", "SELECT ts FROM events",
                        "--partition-by", "ts");
        assertThat(timestamp.exitCode()).isEqualTo(2);
        assertThat(timestamp.err()).contains("use year-month(ts) for a TIMESTAMP");
        assertThat(parquet("--repo", repo(), "--source", "x").exitCode()).isEqualTo(2);
        assertThat(temp.resolve("out.parquet")).doesNotExist();
    }

    @Test
    void rejectsParquetOptionsWithSqliteAndConvertUsageErrorsWith2() {
        Cli sqlite = query("--partition-by", "ns");
        assertThat(sqlite.exitCode()).isEqualTo(2);
        assertThat(sqlite.err()).contains("--partition-by, --source and --schema go with --format parquet");

        Cli dry = query("--dry-run");
        assertThat(dry.exitCode()).isEqualTo(2);
        assertThat(dry.err()).contains("--dry-run goes with --convert");

        Cli noSchema = Cli.run("materialize", "--convert", "--out", "x", "--source", "y");
        assertThat(noSchema.exitCode()).isEqualTo(2);
        assertThat(noSchema.err()).contains("--convert needs --schema FILE");

        Cli withQuery = Cli.run("materialize", "--convert", "--query", PER_NS);
        assertThat(withQuery.exitCode()).isEqualTo(2);
        assertThat(withQuery.err()).contains("--convert takes --source, --schema, --out and --dry-run");
    }

    @Test
    void rejectsAnInvalidFileSchemaWith2NamingTheFileAndTheFix() throws Exception {
        Path schema = Files.writeString(temp.resolve("schema.json"),
                "{\"datasets\": [{\"name\": \"perf\", \"files\": \"perf_{date}.csv\","
                        + " \"columns\": [{\"name\": \"ts\", \"type\": \"DATETIME\"}]}]}");

        Cli cli = Cli.run("materialize", "--convert", "--schema", schema.toString(), "--out",
                temp.resolve("p").toString(), "--source", temp.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos materialize: file schema " + schema
                + ": dataset perf, column ts: type 'DATETIME' is not one of [VARCHAR, JSON, INTEGER, BIGINT,"
                + " DOUBLE, BOOLEAN, TIMESTAMP, DATE]");
    }

    @Test
    void helpTellsTheParquetQueryAndConvertModes() {
        Cli cli = Cli.run("materialize", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().replaceAll("\\s+", " "))
                .contains("--format parquet (no --table)")
                .contains("Not used by parquet")
                .contains("--partition-by=COL")
                .contains("year-month(COL)")
                .contains("--source=NAME=DIR|PATH")
                .contains("--convert")
                .contains("--dry-run")
                .contains("--max-open-files=N")
                .contains("gatos materialize --convert --schema parquet_schema.json --out parquet");
    }

    /** Writes conf/materialize.yaml naming ../ledger.git and the given job lines. */
    private Path config(String... jobs) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("conf"));
        String text = "repo: ../ledger.git\njobs:\n" + String.join("\n", jobs) + "\n";
        return Files.writeString(dir.resolve("materialize.yaml"), text);
    }
}
