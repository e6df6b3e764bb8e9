package io.gatos.sql.materialize.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates query_perf_daily CSV files like the work order's (its header and value forms) with
 * realistic distributions, deterministically from a seed: a few hundred query shapes (hashes) that
 * recur, four query types, eight tables, their indexes, log-normal timings with one decimal.
 */
final class PerfCsv {
    static final String HEADER = "timestamp,query_hash,query_type,execution_time_ms,rows_examined,rows_returned,"
            + "cache_hit,table_name,index_used";
    private static final String[] TABLES = {"embeddings", "query_log", "documents", "chunks", "namespaces", "users",
        "sessions", "audit_events"};
    private static final String[] INDEXES = {"PRIMARY", "idx_namespace", "idx_created_at", "idx_doc_id",
        "idx_embedding_vector", "idx_user_id", "idx_session_token", "idx_event_type"};

    /** One generated row. */
    record Row(long millis, String hash, String type, double executionMs, long examined, long returned,
            boolean cacheHit, String table, String index) {
        String csv() {
            return Instant.ofEpochMilli(millis) + "," + hash + "," + type + ","
                    + String.format(Locale.ROOT, "%.1f", executionMs) + "," + examined + "," + returned + ","
                    + cacheHit + "," + table + "," + (index == null ? "" : index);
        }
    }

    private PerfCsv() {
    }

    /** Returns {@code n} rows of {@code day}, in time order. */
    static List<Row> rows(LocalDate day, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long millis = start + (long) i * 86_400_000L / n / 1000 * 1000;
            int shape = (int) Math.min(399, Math.abs(random.nextGaussian() * 120));
            String hash = String.format(Locale.ROOT, "%012x", (shape * 0x9E3779B97F4A7C15L) >>> 16);
            double p = random.nextDouble();
            String type = p < 0.7 ? "SELECT" : p < 0.85 ? "INSERT" : p < 0.95 ? "UPDATE" : "DELETE";
            String table = TABLES[shape % TABLES.length];
            String index = random.nextDouble() < 0.05 ? null : INDEXES[(shape / 8) % INDEXES.length];
            double ms = Math.round(Math.exp(2.5 + random.nextGaussian()) * 10) / 10.0;
            long examined = type.equals("SELECT") ? (long) Math.exp(4 + 2 * random.nextDouble() * 2) : 1;
            long returned = type.equals("SELECT") ? Math.max(0, Math.min(examined, random.nextInt(50))) : 1;
            rows.add(new Row(millis, hash, type, ms, examined, returned, random.nextDouble() < 0.3, table, index));
        }
        return rows;
    }

    /** Writes {@code rows} with the header to {@code file}. */
    static Path write(Path file, List<Row> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (Row row : rows) {
                w.write(row.csv() + "\n");
            }
        }
        return file;
    }

    /** Writes {@code n} rows of {@code day} as {@code dir/query_perf_daily_YYYYMMDD.csv}; returns the rows. */
    static List<Row> daily(Path dir, LocalDate day, int n, long seed) throws IOException {
        List<Row> rows = rows(day, n, seed);
        write(dir.resolve("query_perf_daily_" + day.toString().replace("-", "") + ".csv"), rows);
        return rows;
    }

    /** Writes the work order's index_advisor_report.json sample, with two more recommendations. */
    static Path indexAdvisor(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("index_advisor_report.json"), """
                {
                  "timestamp": "2025-10-28T04:00:00Z",
                  "recommendations": [
                    {
                      "table": "embeddings",
                      "index": "idx_embedding_vector",
                      "query_pattern": "WHERE namespace = ? AND vector LIKE ?",
                      "estimated_speedup": 3.5,
                      "priority": "high"
                    },
                    {"table": "query_log", "index": "idx_created_at", "query_pattern": "ORDER BY created_at DESC",
                     "estimated_speedup": 1.8, "estimated_cost": 12.5, "priority": "medium", "status": "proposed"},
                    {"table": "documents", "index": "idx_doc_id", "query_pattern": "WHERE doc_id = ?",
                     "estimated_speedup": 7, "priority": "low"}
                  ]
                }
                """);
    }

    /** Returns the declared schema of the work order's files, docs/examples/work-order-files.json. */
    static Path schema() {
        return Path.of("..", "docs", "examples", "work-order-files.json").toAbsolutePath().normalize();
    }
}
