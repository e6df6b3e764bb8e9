package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

class ParquetModesTest extends OrdersLedgerTest {
    private static final String SCHEMA =
            Path.of("..", "docs", "examples", "work-order-files.json").toAbsolutePath().normalize().toString();
    private static final String CSV_28 =
            "timestamp,query_hash,query_type,execution_time_ms,rows_examined,rows_returned,cache_hit,"
                    + "table_name,index_used\n"
                    + "2025-10-28T00:15:23Z,a1b2c3,SELECT,45.2,1234,10,false,embeddings,idx_namespace\n"
                    + "2025-10-28T00:16:01Z,d4e5f6,INSERT,12.8,1,1,false,query_log,PRIMARY\n";
    private static final String ADVISOR =
            "{\"timestamp\": \"2025-10-28T04:00:00Z\", \"recommendations\": [{\"table\": \"embeddings\","
                    + " \"index\": \"idx_embedding_vector\", \"query_pattern\": \"WHERE namespace = ? AND"
                    + " vector LIKE ?\", \"estimated_speedup\": 3.5, \"priority\": \"high\"}]}";

    private Path reports;

    @BeforeEach
    void files() throws Exception {
        reports = Files.createDirectories(temp.resolve("reports"));
        Files.writeString(reports.resolve("query_perf_daily_20251028.csv"), CSV_28);
        Files.writeString(
                reports.resolve("query_perf_daily_20250930.csv"),
                CSV_28.replace("2025-10-28", "2025-09-30").replace("45.2", "99.5"));
        Files.writeString(reports.resolve("index_advisor_report.json"), ADVISOR);
    }

    private Cli parquet(String out, String sql, String... extra) {
        return Cli.run(
                List.of("materialize", "--repo", repo(), "--format", "parquet", "--out", out, "--query", sql),
                extra);
    }

    @Test
    void writesAQueryResultAsOneParquetFile() throws Exception {
        Path out = temp.resolve("events.parquet");

        Cli cli = parquet(out.toString(), "SELECT ns, kind, ts FROM events");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("materialize " + out + ": parquet, 4 rows in 1 file, ");
        assertThat(duck("SELECT ns, kind FROM " + literal(out) + " ORDER BY ts"))
                .containsExactly(
                        List.of("orders", "order.created"), List.of("orders", "order.paid"),
                        List.of("orders", "order.created"), List.of("billing", "invoice.sent"));
    }

    @Test
    void partitionsByAColumnAndByYearMonth() throws Exception {
        Path byNs = temp.resolve("by-ns");
        Path byMonth = temp.resolve("by-month");

        Cli ns = parquet(byNs.toString(), "SELECT * FROM events", "--partition-by", "ns");
        Cli month = parquet(byMonth.toString(), "SELECT * FROM events", "--partition-by", "year-month(ts)");

        assertThat(ns.exitCode()).as(ns.err()).isZero();
        assertThat(month.exitCode()).as(month.err()).isZero();
        assertThat(byNs.resolve("ns=orders/part-00000.parquet")).isRegularFile();
        assertThat(byNs.resolve("ns=billing/part-00000.parquet")).isRegularFile();
        assertThat(byMonth.resolve("year=2026/month=01/part-00000.parquet")).isRegularFile();
        assertThat(duck("SELECT ns, COUNT(*) FROM read_parquet(" + literal(byNs + "/**/*.parquet")
                        + ", hive_partitioning = true) GROUP BY ns ORDER BY ns"))
                .containsExactly(List.of("billing", "1"), List.of("orders", "3"));
    }

    @Test
    void queriesFilesWithoutALedgerAndJoinsThemWithOne() throws Exception {
        Path out = temp.resolve("types.parquet");
        Cli files =
                Cli.run(
                        "materialize", "--source", "perf=" + reports, "--schema", SCHEMA, "--format",
                        "parquet", "--out", out.toString(), "--query",
                        "SELECT date_partition, COUNT(*) AS n, MAX(execution_time_ms) AS worst FROM"
                                + " perf.query_perf GROUP BY date_partition");
        Path joined = temp.resolve("joined.parquet");
        Cli join =
                parquet(
                        joined.toString(),
                        "SELECT e.ns, p.table_name FROM events e JOIN perf.index_advisor p"
                                + " ON e.kind = 'invoice.sent'",
                        "--source", "perf=" + reports, "--schema", SCHEMA);

        assertThat(files.exitCode()).as(files.err()).isZero();
        assertThat(duck("SELECT date_partition, n, worst FROM " + literal(out) + " ORDER BY 1"))
                .containsExactly(List.of("2025-09-30", "2", "99.5"), List.of("2025-10-28", "2", "45.2"));
        assertThat(join.exitCode()).as(join.err()).isZero();
        assertThat(duck("SELECT * FROM " + literal(joined)))
                .containsExactly(List.of("billing", "embeddings"));
    }

    @Test
    void convertsTheWorkOrderFilesSkipsThemTheSecondTimeAndDryRunsWithoutWriting() throws Exception {
        Path out = temp.resolve("parquet");
        List<String> convert =
                List.of("materialize", "--convert", "--schema", SCHEMA, "--out", out.toString(),
                        "--source", reports.toString());

        Cli dry = Cli.run(convert, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(out).doesNotExist();
        assertThat(dry.out())
                .contains("→ Would create " + out.resolve("query_perf/year=2025/month=10/query_perf_20251028.parquet"))
                .contains("index_advisor/year=2025/month=10/index_advisor_20251028.parquet (1 rows)")
                .contains("DRY RUN - no files written: 3 to write, 0 skipped, 0 failed");

        Cli first = Cli.run(convert);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("convert: 3 written, 0 skipped, 0 failed; ")
                .matches(".* → [0-9,]+ bytes \\([0-9.]+(% reduction|x larger)\\)");
        assertThat(out.resolve("query_perf/year=2025/month=09/query_perf_20250930.parquet")).isRegularFile();
        assertThat(duck("SELECT date_partition, COUNT(*), AVG(execution_time_ms), MAX(execution_time_ms) FROM"
                        + " read_parquet(" + literal(out + "/query_perf/**/*.parquet") + ") GROUP BY"
                        + " date_partition ORDER BY date_partition DESC LIMIT 30"))
                .containsExactly(List.of("2025-10-28", "2", "29.0", "45.2"), List.of("2025-09-30", "2", "56.15", "99.5"));

        Cli second = Cli.run(convert);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("query_perf_20251028.parquet already exists, skipping")
                .contains("convert: 0 written, 3 skipped, 0 failed");
    }

    @Test
    void reportsACorruptAndAMissingInputByPathConvertsTheRestAndExits1() throws Exception {
        Files.writeString(reports.resolve("query_perf_daily_20251029.csv"), "timestamp,query_hash\n\"unclosed,x\n");
        Path missing = temp.resolve("nowhere/query_perf_daily_20251030.csv");
        Path out = temp.resolve("parquet");

        Cli cli =
                Cli.run("materialize", "--convert", "--schema", SCHEMA, "--out", out.toString(),
                        "--source", reports.toString(), "--source", missing.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines())
                .containsExactlyInAnyOrder(
                        "gatos materialize: ✗ " + reports.resolve("query_perf_daily_20251029.csv")
                                + ": the quoted field opened on line 2 is not closed",
                        "gatos materialize: ✗ " + missing + ": missing input; check the path");
        assertThat(cli.out()).contains("convert: 3 written, 0 skipped, 2 failed");
        assertThat(files(out)).hasSize(3);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String literal(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** Runs {@code sql} on DuckDB (the independent Parquet reader); values as DuckDB renders them. */
    private static List<List<String>> duck(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        }
    }
}
