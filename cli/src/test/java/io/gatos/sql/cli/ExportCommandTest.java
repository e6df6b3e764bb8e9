package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ExportCommandTest extends OrdersLedgerTest {
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = temp.resolve("exports/ledger.sqlite");
    }

    private Cli export(String... extra) {
        return exportAs("sqlite", "none", extra);
    }

    private Cli exportAs(String format, String progress, String... extra) {
        return Cli.run(
                List.of(
                        "export", "--repo", repo(), "--format", format,
                        "--progress", progress, "--out", out.toString()),
                extra);
    }

    @Test
    void exportsEveryTableThenReportsUpToDateThenIncremental() throws Exception {
        Cli first = export();

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines()).singleElement().asString().startsWith("export ").contains("full");
        assertThat(TestLedgers.rows(out, "SELECT COUNT(*) FROM events")).containsExactly(List.of(4));
        assertThat(out.resolveSibling("ledger.sqlite.manifest.json")).exists();

        Cli second = export();

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("up to date");

        ledger.event("orders", "dave", "order.created", "{\"amount\":3}");
        Cli third = export();

        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.out()).contains("incremental");
        assertThat(TestLedgers.rows(out, "SELECT COUNT(*) FROM events")).containsExactly(List.of(5));
    }

    @Test
    void exportsOnlyTheRowsAndColumnsOfWhereAndColumns() throws Exception {
        Cli cli =
                export(
                        "--tables", "events,commits",
                        "--where", "events={\"ns\":\"orders\",\"kind\":[\"order.created\"]}",
                        "--columns", "events:ns,kind",
                        "--batch-size", "1",
                        "--full");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(TestLedgers.rows(out, "SELECT ns, kind FROM events ORDER BY kind"))
                .containsExactly(
                        List.of("orders", "order.created"), List.of("orders", "order.created"));
        assertThat(TestLedgers.rows(out, "SELECT name FROM pragma_table_info('events')"))
                .extracting(row -> row.get(0))
                .contains("id", "ns", "kind")
                .doesNotContain("payload", "actor");
        assertThat(TestLedgers.rows(out, "SELECT name FROM sqlite_master WHERE name = 'jobs'"))
                .isEmpty();
    }

    @Test
    void exportsParquetIntoADirectoryThenVerifies() {
        out = out.resolveSibling("ledger-parquet");
        Cli first = exportAs("parquet", "none");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("export " + out + ": full");
        assertThat(out.resolve("commits")).isDirectory();
        assertThat(out.resolveSibling("ledger-parquet.manifest.json")).exists();
        assertThat(exportAs("parquet", "none").out()).contains("up to date");
        Cli verify = Cli.run("verify", "--repo", repo(), out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("verified: match");
    }

    @Test
    void refusesAParquetRunOnAnSqliteExportWith1() {
        assertThat(export().exitCode()).isZero();

        Cli cli = exportAs("parquet", "none");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("is a sqlite export, not parquet; choose another --out");
    }

    @Test
    void rejectsAnUnknownFormatWith2() {
        Cli cli = exportAs("xml", "none");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'xml' is not a supported format; use sqlite, parquet or ndjson");
    }

    @Test
    void rejectsInvalidWhereJsonWith2NamingTheOption() {
        Cli cli = export("--where", "events={ns:orders}");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines())
                .singleElement()
                .asString()
                .startsWith("gatos export: --where events: invalid JSON");
        assertThat(out).doesNotExist();
    }

    @Test
    void rejectsWhereAndColumnsWithoutATableWith2() {
        assertThat(export("--where", "{\"ns\":\"orders\"}").err())
                .contains("--where expects TABLE=JSON");
        Cli columns = export("--columns", "ns,kind");

        assertThat(columns.exitCode()).isEqualTo(2);
        assertThat(columns.err()).contains("--columns expects TABLE:C1,C2");
    }

    @Test
    void reportsTheMaterializersBadOptionsWith2() {
        Cli cli = export("--tables", "nosuch");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("gatos export: --tables names 'nosuch'");
        assertThat(cli.err()).doesNotContain("Exception");
    }

    @Test
    void exitsWith3WhenAnotherRunHoldsTheOutput() throws Exception {
        try (FileChannel lock = TestLedgers.lockOutput(out)) {
            Cli cli = export();

            assertThat(cli.exitCode()).isEqualTo(3);
            assertThat(cli.err()).startsWith("gatos export: another run is writing");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void exitsWith1ForAnOutputItDidNotWrite() throws Exception {
        Files.createDirectories(out.getParent());
        Files.writeString(out, "not a database");

        Cli cli = export();

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("gatos export: ").doesNotContain("\tat ");
        assertThat(out).hasContent("not a database");
    }

    @Test
    void exitsWith2ForAMissingRepository() {
        Path missing = temp.resolve("nowhere.git");

        Cli cli =
                Cli.run("export", "--repo", missing.toString(), "--format", "sqlite", "--out",
                        out.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no such repository: " + missing, Ledgers.HINT);
    }

    @Test
    void writesAFinalJsonProgressLine() throws Exception {
        Cli cli = exportAs("sqlite", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode last = new ObjectMapper().readTree(cli.err().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(last.path("event").asText()).isEqualTo("export.progress");
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("ok").asBoolean()).isTrue();
        assertThat(last.path("rows_total").asLong()).isGreaterThanOrEqualTo(8);
    }
}
