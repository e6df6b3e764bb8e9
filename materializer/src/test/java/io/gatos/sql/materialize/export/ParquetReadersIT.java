package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.parquet.DuckDb;
import io.gatos.sql.materialize.parquet.Polars;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a Parquet export of a hostile ledger (an unreadable envelope, NULLs, Unicode, 2^60+1) with
 * two Parquet implementations that are not ours, DuckDB (JDBC) and polars (nodejs-polars), and holds
 * them to the live tables: the same rows per table, the same types, the same NULLs, the same JSON
 * path sum and the same instants. An export of an empty selection must open in both as well.
 */
class ParquetReadersIT {
    private static final List<String> TABLES = Catalog.get().tables().stream().map(TableDef::name).toList();

    @TempDir
    static Path dir;
    static Path dataset;
    static Live live;

    @BeforeAll
    static void exportTheHostileLedger() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.hostile(dir.resolve("ledger.git"))) {
            dataset = dir.resolve("dataset");
            Exporter.run(ParquetExportTest.parquet(repo.path(), dataset));
            try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
                live = Live.read(c);
            }
        }
    }

    @Test
    void theLiveTablesHoldWhatTheReadersAreCheckedOn() {
        assertThat(live.rows().get("events")).isGreaterThanOrEqualTo(6L);
        assertThat(live.amountSum()).isEqualTo("42");
        assertThat(live.big()).containsExactly("1152921504606846977");
        assertThat(live.nulls().get("events").get("payload")).as("the unreadable envelope").isEqualTo(1L);
    }

    @Test
    void everyNullableColumnHoldsANull() {
        List<String> neverNull = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            def.columns().stream().filter(ColumnDef::nullable)
                    .filter(c -> live.nulls().get(def.name()).get(c.name()) == 0)
                    .forEach(c -> neverNull.add(def.name() + "." + c.name()));
        }
        assertThat(neverNull).as("no reader reports a finding without its ref").containsExactly("findings.ref");
    }

    @Test
    void polarsSeesTheLiveTables() throws Exception {
        polarsAgrees(dataset, live);
    }

    @Test
    void duckDbSeesTheLiveTables() throws Exception {
        duckDbAgrees(dataset, live);
    }

    @Test
    void anEmptySelectionOpensInEveryReader() throws Exception {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("jobs-only.git"))) {
            repo.job("build", "pending");
            Path empty = dir.resolve("jobs-only");
            Exporter.run(ParquetExportTest.parquet(repo.path(), empty));
            Live jobsOnly;
            try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
                jobsOnly = Live.read(c);
            }
            assertThat(jobsOnly.rows().get("events")).isZero();
            assertThat(jobsOnly.rows().get("state_nodes")).isZero();
            polarsAgrees(empty, jobsOnly);
            duckDbAgrees(empty, jobsOnly);
        }
    }

    private static void polarsAgrees(Path root, Live live) throws Exception {
        JsonNode polars = Polars.read(root, TABLES);
        for (TableDef def : Catalog.get().tables()) {
            JsonNode table = polars.get("tables").get(def.name());
            assertThat(table.get("rows").asLong()).as(def.name()).isEqualTo(live.rows().get(def.name()));
            for (ColumnDef c : def.columns()) {
                String where = def.name() + "." + c.name();
                assertThat(table.get("types").get(c.name()).asText()).as(where).isEqualTo(polarsType(c.type()));
                assertThat(table.get("nulls").get(c.name()).asLong()).as(where)
                        .isEqualTo(live.nulls().get(def.name()).get(c.name()));
            }
        }
        assertThat(polars.get("tables").get("events").get("types").get("date").asText()).isEqualTo("DataType(Date)");
        assertThat(polars.get("amount_sum").asText()).isEqualTo(live.amountSum());
        assertThat(texts(polars.get("big"))).isEqualTo(live.big());
        List<List<String>> instants = new ArrayList<>();
        polars.get("instants").forEach(pair -> instants.add(List.of(pair.get(0).asText(), pair.get(1).asText())));
        assertThat(instants).isEqualTo(live.instants());
    }

    private static void duckDbAgrees(Path root, Live live) throws Exception {
        for (TableDef def : Catalog.get().tables()) {
            String from = duckFrom(root, def.name());
            Map<String, String> types = new LinkedHashMap<>();
            DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + from + ")")
                    .forEach(r -> types.put(r.get(0), r.get(1)));
            String counts = def.columns().stream().map(c -> "count(*) - count(\"" + c.name() + "\")")
                    .collect(Collectors.joining(", "));
            List<String> nulls = DuckDb.rows("SELECT " + counts + " FROM " + from).get(0);
            assertThat(Long.parseLong(DuckDb.value("SELECT count(*) FROM " + from))).as(def.name())
                    .isEqualTo(live.rows().get(def.name()));
            for (int i = 0; i < def.columns().size(); i++) {
                ColumnDef c = def.columns().get(i);
                String where = def.name() + "." + c.name();
                assertThat(types.get(c.name())).as(where).isEqualTo(duckType(c.type()));
                assertThat(Long.parseLong(nulls.get(i))).as(where).isEqualTo(live.nulls().get(def.name()).get(c.name()));
            }
        }
        String events = duckFrom(root, "events");
        assertThat(DuckDb.value("SELECT coalesce(sum(CAST(json_extract_string(payload, '$.amount') AS BIGINT)), 0) FROM " + events))
                .isEqualTo(live.amountSum());
        assertThat(DuckDb.rows("SELECT json_extract_string(payload, '$.big') FROM " + events
                + " WHERE json_extract_string(payload, '$.big') IS NOT NULL").stream().map(r -> r.get(0)).toList())
                .isEqualTo(live.big());
        assertThat(DuckDb.rows("SELECT id, epoch_ms(ts)::VARCHAR FROM " + events + " ORDER BY id"))
                .isEqualTo(live.instants());
    }

    private static String duckFrom(Path root, String table) {
        return "read_parquet(" + DuckDb.literal(root + "/" + table + "/**/*.parquet") + ", hive_partitioning = true)";
    }

    private static String polarsType(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON -> "DataType(String)";
            case INTEGER -> "DataType(Int32)";
            case BIGINT -> "DataType(Int64)";
            case BOOLEAN -> "DataType(Bool)";
            case TIMESTAMP -> "DataType(Datetime(ms,UTC))";
        };
    }

    private static String duckType(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Holds what the live tables answer, the reference every reader is held to. */
    record Live(Map<String, Long> rows, Map<String, Map<String, Long>> nulls, String amountSum, List<String> big,
            List<List<String>> instants) {
        static Live read(Connection c) throws SQLException {
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, Map<String, Long>> nulls = new LinkedHashMap<>();
            for (TableDef def : Catalog.get().tables()) {
                String counts = def.columns().stream().map(col -> "COUNT(*) - COUNT(\"" + col.name() + "\")")
                        .collect(Collectors.joining(", "));
                List<Object> row = one(c, "SELECT COUNT(*), " + counts + " FROM gatos.\"" + def.name() + "\"");
                rows.put(def.name(), ((Number) row.get(0)).longValue());
                Map<String, Long> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < def.columns().size(); i++) {
                    byColumn.put(def.columns().get(i).name(), ((Number) row.get(i + 1)).longValue());
                }
                nulls.put(def.name(), byColumn);
            }
            String sum = String.valueOf(one(c, "SELECT COALESCE(SUM(CAST(JSON_VALUE(payload, '$.amount') AS BIGINT)), 0)"
                    + " FROM gatos.events").get(0));
            List<String> big = new ArrayList<>();
            List<List<String>> instants = new ArrayList<>();
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, ts, JSON_VALUE(payload, '$.big') FROM gatos.events")) {
                while (rs.next()) {
                    instants.add(List.of(rs.getString(1), String.valueOf(rs.getTimestamp(2, utc).getTime())));
                    if (rs.getString(3) != null) {
                        big.add(rs.getString(3));
                    }
                }
            }
            instants.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            return new Live(Map.copyOf(rows), Map.copyOf(nulls), sum, List.copyOf(big), List.copyOf(instants));
        }

        private static List<Object> one(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                List<Object> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getObject(i));
                }
                return out;
            }
        }
    }
}
