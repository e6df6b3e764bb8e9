package io.gatos.sql.materialize.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatos.sql.materialize.parquet.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConverterTest {
    private static final LocalDate OCT_28 = LocalDate.of(2025, 10, 28);

    @TempDir
    Path temp;

    private final List<String> info = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ConvertSummary convert(boolean dryRun, Path... inputs) {
        return FileConverter.run(new ConvertJob(FileSchema.read(PerfCsv.schema()), List.of(inputs),
                temp.resolve("parquet"), dryRun, info::add, errors::add));
    }

    /** Writes the work order's two sample rows followed by generated rows of the same day. */
    private List<PerfCsv.Row> workOrderDay(Path dir) throws IOException {
        List<PerfCsv.Row> rows = new ArrayList<>(List.of(
                new PerfCsv.Row(Instant.parse("2025-10-28T00:15:23Z").toEpochMilli(), "a1b2c3", "SELECT", 45.2, 1234,
                        10, false, "embeddings", "idx_namespace"),
                new PerfCsv.Row(Instant.parse("2025-10-28T00:16:01Z").toEpochMilli(), "d4e5f6", "INSERT", 12.8, 1, 1,
                        false, "query_log", "PRIMARY")));
        rows.addAll(PerfCsv.rows(OCT_28, 40, 28));
        PerfCsv.write(dir.resolve("query_perf_daily_20251028.csv"), rows);
        return rows;
    }

    @Test
    void convertsTheWorkOrderFilesIntoYearMonthPartitionsThatDuckDbAggregates() throws Exception {
        Path reports = temp.resolve("reports");
        Map<LocalDate, List<PerfCsv.Row>> days = new TreeMap<>();
        days.put(OCT_28, workOrderDay(reports));
        days.put(LocalDate.of(2025, 10, 27), PerfCsv.daily(reports, LocalDate.of(2025, 10, 27), 30, 27));
        days.put(LocalDate.of(2025, 9, 30), PerfCsv.daily(reports, LocalDate.of(2025, 9, 30), 25, 30));
        Path optimize = temp.resolve("optimize");
        PerfCsv.indexAdvisor(optimize);

        ConvertSummary summary = convert(false, reports, optimize.resolve("index_advisor_report.json"));

        assertThat(errors).isEmpty();
        assertThat(summary.written()).isEqualTo(4);
        Path out = temp.resolve("parquet");
        assertThat(out.resolve("query_perf/year=2025/month=10/query_perf_20251028.parquet")).isRegularFile();
        assertThat(out.resolve("query_perf/year=2025/month=10/query_perf_20251027.parquet")).isRegularFile();
        assertThat(out.resolve("query_perf/year=2025/month=09/query_perf_20250930.parquet")).isRegularFile();
        assertThat(out.resolve("index_advisor/year=2025/month=10/index_advisor_20251028.parquet")).isRegularFile();
        List<List<String>> actual = DuckDb.rows("SELECT date_partition, COUNT(*) AS query_count,"
                + " AVG(execution_time_ms) AS avg_execution_ms, MAX(execution_time_ms) AS max_execution_ms"
                + " FROM read_parquet(" + DuckDb.literal(out + "/query_perf/**/*.parquet") + ")"
                + " GROUP BY date_partition ORDER BY date_partition DESC LIMIT 30");
        List<LocalDate> expectedDays = new ArrayList<>(days.keySet());
        java.util.Collections.reverse(expectedDays);
        assertThat(actual).hasSize(3);
        for (int i = 0; i < 3; i++) {
            List<PerfCsv.Row> rows = days.get(expectedDays.get(i));
            assertThat(actual.get(i).get(0)).isEqualTo(expectedDays.get(i).toString());
            assertThat(Long.parseLong(actual.get(i).get(1))).isEqualTo(rows.size());
            assertThat(Double.parseDouble(actual.get(i).get(2)))
                    .isCloseTo(rows.stream().mapToDouble(PerfCsv.Row::executionMs).average().orElseThrow(), within(1e-9));
            assertThat(Double.parseDouble(actual.get(i).get(3)))
                    .isEqualTo(rows.stream().mapToDouble(PerfCsv.Row::executionMs).max().orElseThrow());
        }
    }

    @Test
    void keepsTypesTimestampsAndTheFlattenedJsonRecommendations() throws Exception {
        Path reports = temp.resolve("reports");
        workOrderDay(reports);
        PerfCsv.indexAdvisor(reports);

        convert(false, reports);

        Path out = temp.resolve("parquet");
        String perf = DuckDb.literal(out + "/query_perf/**/*.parquet");
        assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + perf
                + ", hive_partitioning = false))"))
                .extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("timestamp TIMESTAMP WITH TIME ZONE", "query_hash VARCHAR", "query_type VARCHAR",
                        "execution_time_ms DOUBLE", "rows_examined BIGINT", "rows_returned BIGINT",
                        "cache_hit BOOLEAN", "table_name VARCHAR", "index_used VARCHAR", "cpu_time_ms DOUBLE",
                        "io_wait_ms DOUBLE", "date_partition DATE");
        assertThat(DuckDb.rows("SELECT epoch_ms(timestamp), query_hash, execution_time_ms, rows_examined, cache_hit,"
                + " cpu_time_ms FROM read_parquet(" + perf + ") ORDER BY timestamp LIMIT 1"))
                .containsExactly(listOf(String.valueOf(Instant.parse("2025-10-28T00:00:00Z").toEpochMilli()),
                        PerfCsv.rows(OCT_28, 40, 28).get(0).hash(),
                        String.valueOf(PerfCsv.rows(OCT_28, 40, 28).get(0).executionMs()),
                        String.valueOf(PerfCsv.rows(OCT_28, 40, 28).get(0).examined()),
                        String.valueOf(PerfCsv.rows(OCT_28, 40, 28).get(0).cacheHit()), null));
        String advisor = DuckDb.literal(out + "/index_advisor/**/*.parquet");
        assertThat(DuckDb.rows("SELECT CAST(timestamp AS VARCHAR), table_name, recommended_index, estimated_speedup,"
                + " estimated_cost, priority, status, date_partition, year, month FROM read_parquet(" + advisor
                + ", hive_partitioning = true) ORDER BY table_name"))
                .containsExactly(
                        listOf("2025-10-28 04:00:00+00", "documents", "idx_doc_id", "7.0", null, "low", null,
                                "2025-10-28", "2025", "10"),
                        listOf("2025-10-28 04:00:00+00", "embeddings", "idx_embedding_vector", "3.5", null, "high",
                                null, "2025-10-28", "2025", "10"),
                        listOf("2025-10-28 04:00:00+00", "query_log", "idx_created_at", "1.8", "12.5", "medium",
                                "proposed", "2025-10-28", "2025", "10"));
    }

    private static List<String> listOf(String... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void dryRunReadsEverythingAndWritesNothing() throws Exception {
        Path reports = temp.resolve("reports");
        workOrderDay(reports);
        PerfCsv.indexAdvisor(reports);

        ConvertSummary summary = convert(true, reports);

        assertThat(temp.resolve("parquet")).doesNotExist();
        assertThat(files(temp)).allMatch(p -> p.startsWith(reports));
        assertThat(summary.line()).startsWith("DRY RUN - no files written: 2 to write");
        assertThat(info).anyMatch(l -> l.startsWith("✓ Found ") && l.contains("query_perf_daily_20251028.csv"))
                .anyMatch(l -> l.startsWith("→ Would create ")
                        && l.endsWith("query_perf/year=2025/month=10/query_perf_20251028.parquet (42 rows)"))
                .anyMatch(l -> l.endsWith("index_advisor/year=2025/month=10/index_advisor_20251028.parquet (3 rows)"));
    }

    @Test
    void aSecondRunSkipsOutputsNewerThanTheirSourceAndRewritesStaleOnes() throws Exception {
        Path reports = temp.resolve("reports");
        workOrderDay(reports);
        PerfCsv.indexAdvisor(reports);
        convert(false, reports);
        Map<Path, FileTime> before = times(temp.resolve("parquet"));
        info.clear();

        ConvertSummary again = convert(false, reports);

        assertThat(again.written()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(info).hasSize(2).allMatch(l -> l.startsWith("⊘ ") && l.endsWith(" already exists, skipping"));
        assertThat(times(temp.resolve("parquet"))).isEqualTo(before);

        Path csv = reports.resolve("query_perf_daily_20251028.csv");
        Path parquet = temp.resolve("parquet/query_perf/year=2025/month=10/query_perf_20251028.parquet");
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(parquet).toMillis() + 60_000));
        ConvertSummary third = convert(false, reports);
        assertThat(third.written()).isEqualTo(1);
        assertThat(third.skipped()).isEqualTo(1);
    }

    @Test
    void reportsCorruptMalformedAndMissingInputsByPathAndConvertsTheRest() throws Exception {
        Path reports = temp.resolve("reports");
        workOrderDay(reports);
        Files.writeString(reports.resolve("query_perf_daily_20251029.csv"), PerfCsv.HEADER + "\n"
                + "2025-10-29T00:00:01Z,abc,SELECT,12.5,1,1,false,users,PRIMARY\n"
                + "2025-10-29T00:00:02Z,abd,SELECT,fast,1,1,false,users,PRIMARY\n");
        Path json = Files.createDirectories(temp.resolve("bad")).resolve("index_advisor_report.json");
        Files.writeString(json, "{\"timestamp\": \"2025-10-28T04:00:00Z\", \"recommendations\": [");
        Path missing = temp.resolve("query_perf_daily_20251030.csv");

        ConvertSummary summary = convert(false, reports, json, missing);

        assertThat(summary.written()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(errors).containsExactlyInAnyOrder(
                "✗ " + reports.resolve("query_perf_daily_20251029.csv")
                        + ": line 3, column execution_time_ms: 'fast' is not a number",
                "✗ " + json + ": is not valid JSON at line 1, column 59: Unexpected end-of-input: expected close"
                        + " marker for Array",
                "✗ " + missing + ": missing input; check the path");
        assertThat(temp.resolve("parquet/query_perf/year=2025/month=10/query_perf_20251029.parquet")).doesNotExist();
        assertThat(temp.resolve("parquet/query_perf/year=2025/month=10/query_perf_20251028.parquet")).isRegularFile();
    }

    @Test
    void makesARealisticHundredThousandRowCsvAtLeast70PercentSmaller() throws Exception {
        Path reports = temp.resolve("reports");
        PerfCsv.daily(reports, OCT_28, 100_000, 7);

        ConvertSummary summary = convert(false, reports);

        double reduction = ConvertSummary.reduction(summary.bytesIn(), summary.bytesOut());
        System.out.printf(java.util.Locale.ROOT, "Issue 5 compression: 100,000-row query_perf CSV %,d bytes ->"
                + " Parquet %,d bytes (%.1f%% reduction)%n", summary.bytesIn(), summary.bytesOut(), reduction);
        assertThat(summary.written()).isEqualTo(1);
        assertThat(reduction).isGreaterThanOrEqualTo(70.0);
        assertThat(DuckDb.value("SELECT COUNT(*) FROM read_parquet("
                + DuckDb.literal(temp.resolve("parquet") + "/query_perf/**/*.parquet") + ")")).isEqualTo("100000");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static Map<Path, FileTime> times(Path root) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        for (Path p : files(root)) {
            times.put(p, Files.getLastModifiedTime(p));
        }
        return times;
    }

    static long epochMs(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
