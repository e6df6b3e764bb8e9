package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSinkTest {
    private static final List<ParquetColumn> COLUMNS = List.of(
            new ParquetColumn("id", ParquetKind.STRING, false),
            new ParquetColumn("payload", ParquetKind.JSON, true),
            new ParquetColumn("n", ParquetKind.INT32, true),
            new ParquetColumn("big", ParquetKind.INT64, false),
            new ParquetColumn("x", ParquetKind.DOUBLE, true),
            new ParquetColumn("ok", ParquetKind.BOOLEAN, true),
            new ParquetColumn("ts", ParquetKind.TIMESTAMP, false),
            new ParquetColumn("day", ParquetKind.DATE, true));

    @TempDir
    Path dir;

    @Test
    void writesEveryKindSoDuckDbReadsTypesAndValues() throws Exception {
        Path file = dir.resolve("t.parquet");
        try (ParquetSink sink = ParquetSink.create(file, "t", COLUMNS, Map.of("gatos.table", "t"))) {
            sink.write(new Object[] {"a", "{\"k\":1152921504606846977}", 7, 1L << 60, 2.5, 1L, 1_700_000_000_123L,
                    LocalDate.of(2025, 10, 28)});
            sink.write(new Object[] {"b\u00e9\ud83d\ude00", null, null, -1L, null, false, 0L, null});
            assertThat(sink.rows()).isEqualTo(2);
        }
        String f = DuckDb.literal(file);
        assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + f + ")"))
                .containsExactly(List.of("id", "VARCHAR"), List.of("payload", "VARCHAR"), List.of("n", "INTEGER"),
                        List.of("big", "BIGINT"), List.of("x", "DOUBLE"), List.of("ok", "BOOLEAN"),
                        List.of("ts", "TIMESTAMP WITH TIME ZONE"), List.of("day", "DATE"));
        assertThat(DuckDb.rows("SELECT id, payload->>'k', n, big, x, ok, epoch_ms(ts), day FROM " + f
                + " ORDER BY id")).containsExactly(
                        List.of("a", "1152921504606846977", "7", "1152921504606846976", "2.5", "true",
                                "1700000000123", "2025-10-28"),
                        java.util.Arrays.asList("b\u00e9\ud83d\ude00", null, null, "-1", null, "false", "0", null));
        assertThat(DuckDb.rows("SELECT key::VARCHAR, value::VARCHAR FROM parquet_kv_metadata(" + f + ")"
                + " WHERE key::VARCHAR LIKE 'gatos.%' ORDER BY 1")).containsExactly(
                        List.of("gatos.json_columns", "payload"), List.of("gatos.table", "t"));
        assertThat(ParquetFooter.jsonAnnotated(file)).isEmpty();
    }

    @Test
    void compressesWithZstdAndWritesStatistics() throws Exception {
        Path file = dir.resolve("s.parquet");
        try (ParquetSink sink = ParquetSink.create(file, "s", COLUMNS.subList(0, 4), Map.of())) {
            for (int i = 0; i < 1000; i++) {
                sink.write(new Object[] {String.format("%04d", i), null, i % 5, (long) i});
            }
        }
        String f = DuckDb.literal(file);
        assertThat(DuckDb.rows("SELECT DISTINCT compression FROM parquet_metadata(" + f + ")"))
                .containsExactly(List.of("ZSTD"));
        assertThat(DuckDb.rows("SELECT stats_min_value, stats_max_value FROM parquet_metadata(" + f
                + ") WHERE path_in_schema = 'big'")).containsExactly(List.of("0", "999"));
        assertThat(DuckDb.value("SELECT bool_or(encodings LIKE '%DICTIONARY%') FROM parquet_metadata(" + f
                + ") WHERE path_in_schema = 'n'")).isEqualTo("true");
    }

    @Test
    void sameRowsGiveSameBytes() throws Exception {
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        for (Path file : List.of(a, b)) {
            try (ParquetSink sink = ParquetSink.create(file, "s", COLUMNS.subList(0, 1), Map.of())) {
                sink.write(new Object[] {"x"});
            }
        }
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void nullInRequiredColumnNamesTheColumn() throws Exception {
        try (ParquetSink sink = ParquetSink.create(dir.resolve("n.parquet"), "n", COLUMNS.subList(0, 1), Map.of())) {
            assertThatThrownBy(() -> sink.write(new Object[] {null})).hasMessageContaining("column id is NOT NULL");
        }
    }
}
