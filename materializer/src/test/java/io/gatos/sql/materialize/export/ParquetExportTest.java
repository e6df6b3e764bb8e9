package io.gatos.sql.materialize.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.parquet.DuckDb;
import io.gatos.sql.schemas.testing.ManifestValidator;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetExportTest {
    @TempDir
    Path dir;

    static ExportOptions parquet(Path repo, Path out) {
        return ExportOptions.of(repo, out).withFormat(Format.PARQUET);
    }

    @Test
    void duckDbReadsEveryTableWithTheLiveValues() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            ExportResult result = Exporter.run(parquet(repo.path(), out));
            assertThat(result.mode()).isEqualTo(ExportMode.FULL);
            try (Connection live = DriverManager.getConnection(repo.jdbcUrl())) {
                for (TableDef def : Catalog.get().tables()) {
                    List<String> expected = ExporterTest.liveRows(live, def);
                    assertThat(datasetRows(out, def)).as(def.name()).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(result.tableRows().get(def.name())).as(def.name()).isEqualTo(expected.size());
                }
            }
        }
    }

    @Test
    void partitionsEventsByUtcDayAndStateNodesByStateRef() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(parquet(repo.path(), out));
            String events = DuckDb.literal(out + "/events/**/*.parquet");
            assertThat(DuckDb.value("SELECT count(*) FROM read_parquet(" + events + ", hive_partitioning = true)"
                    + " WHERE CAST(\"date\" AS DATE) <> CAST(timezone('UTC', ts) AS DATE)")).isEqualTo("0");
            assertThat(DuckDb.value("SELECT count(DISTINCT filename) FROM read_parquet(" + events
                    + ", filename = true) WHERE filename NOT SIMILAR TO '.*/events/date=\\d{4}-\\d{2}-\\d{2}/part-[0-9a-f]{16}\\.parquet'"))
                    .isEqualTo("0");
            String nodes = DuckDb.literal(out + "/state_nodes/**/*.parquet");
            assertThat(DuckDb.rows("SELECT DISTINCT state_ref = split_part(id, ':', 1) FROM read_parquet(" + nodes
                    + ", hive_partitioning = true)")).containsExactly(List.of("true"));
            assertThat(DuckDb.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(" + nodes
                    + ", hive_partitioning = false)) WHERE column_name = 'state_ref'")).as("a Hive partition column is not stored").isEmpty();
        }
    }

    @Test
    void filesUseTheTypeMappingZstdAndKeyOrder() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            for (int i = 0; i < 50; i++) {
                repo.event("orders", i % 3 == 0 ? "alice" : "bob", "order.created", "{\"i\":" + i + "}");
            }
            Path out = dir.resolve("dataset");
            Exporter.run(parquet(repo.path(), out));
            String events = DuckDb.literal(out + "/events/**/*.parquet");
            assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                    + events + ")) WHERE column_name IN ('id', 'pos', 'ts', 'payload', 'created_ts')"))
                    .containsExactly(List.of("id", "VARCHAR"), List.of("pos", "BIGINT"),
                            List.of("ts", "TIMESTAMP WITH TIME ZONE"), List.of("payload", "VARCHAR"),
                            List.of("created_ts", "TIMESTAMP WITH TIME ZONE"));
            assertThat(DuckDb.rows("SELECT DISTINCT compression FROM parquet_metadata(" + events + ")"))
                    .containsExactly(List.of("ZSTD"));
            assertThat(DuckDb.value("SELECT count(*) FROM parquet_metadata(" + events + ") WHERE stats_min_value"
                    + " IS NULL AND path_in_schema = 'pos'")).isEqualTo("0");
            assertThat(DuckDb.value("SELECT count(*) FROM (SELECT id, lag(id) OVER (PARTITION BY filename ORDER BY"
                    + " file_row_number) AS prev FROM read_parquet(" + events + ", filename = true,"
                    + " file_row_number = true)) WHERE prev >= id")).as("rows sorted by key in each file").isEqualTo("0");
        }
    }

    @Test
    void theManifestIsValidAndListsEveryFile() throws Exception {
        try (LedgerTestRepository repo = ExportFixture.build(dir.resolve("ledger.git"))) {
            Path out = dir.resolve("dataset");
            Exporter.run(parquet(repo.path(), out));
            Path manifestPath = ExportManifestFile.pathOf(out);
            assertThat(ManifestValidator.errors(Files.readString(manifestPath))).isEmpty();
            ExportManifest manifest = ExportManifestFile.read(manifestPath);
            assertThat(manifest.format()).isEqualTo("parquet");
            List<String> listed = new ArrayList<>();
            manifest.tables().values().forEach(e -> e.files().forEach(f -> listed.add(f.path())));
            try (var files = Files.walk(out)) {
                assertThat(files.filter(p -> p.toString().endsWith(".parquet"))
                        .map(p -> out.relativize(p).toString()).toList()).containsExactlyInAnyOrderElementsOf(listed);
            }
            assertThat(Verifier.verify(repo.path(), out).failures()).isEmpty();
        }
    }

    /** Returns the catalog columns of {@code def} as DuckDB reads them from the dataset, rendered like liveRows. */
    static List<String> datasetRows(Path out, TableDef def) throws Exception {
        String glob = DuckDb.literal(out + "/" + def.name() + "/**/*.parquet");
        String cols = def.columns().stream().map(ParquetExportTest::asLive).collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        for (List<String> row : DuckDb.rows("SELECT " + cols + " FROM read_parquet(" + glob
                + ", hive_partitioning = true, union_by_name = true)")) {
            rows.add(row.toString());
        }
        return rows;
    }

    private static String asLive(ColumnDef c) {
        String q = '"' + c.name() + '"';
        return switch (c.type()) {
            case TIMESTAMP -> "epoch_ms(" + q + ")";
            case BOOLEAN -> "CAST(" + q + " AS INTEGER)";
            case INTEGER, BIGINT -> "CAST(" + q + " AS BIGINT)";
            default -> "CAST(" + q + " AS VARCHAR)";
        };
    }
}
