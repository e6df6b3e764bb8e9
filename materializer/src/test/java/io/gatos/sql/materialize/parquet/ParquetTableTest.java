package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.TableDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableTest {
    private static final TableDef WIDGETS = new TableDef("widgets", "test table", List.of(
            new ColumnDef("id", ColumnType.VARCHAR, false, "key", List.of()),
            new ColumnDef("n", ColumnType.BIGINT, false, "count", List.of()),
            new ColumnDef("label", ColumnType.VARCHAR, true, "label", List.of())), List.of("id"));
    private static final TableLayout LAYOUT = TableLayout.of(WIDGETS, List.of("id", "n", "label"));

    @TempDir
    Path dataset;

    /** Runs one export of {@code rows} at {@code now} and commits it into the dataset like the exporter does. */
    private ParquetTable.Written run(long now, boolean continues, Object[]... rows) throws Exception {
        Staging staging = Staging.open(dataset);
        ParquetTable table = new ParquetTable(LAYOUT, staging, now, continues ? dataset : null, 0);
        for (Object[] row : rows) {
            table.add(row);
        }
        ParquetTable.Written written = table.finish();
        List<Staging.Move> moves = new ArrayList<>();
        written.files().forEach(f -> moves.add(new Staging.Move(f.staged(), dataset.resolve(f.path()))));
        written.extra().forEach((from, to) -> moves.add(new Staging.Move(from, dataset.resolve(to))));
        staging.commit(moves, List.of());
        return written;
    }

    private List<List<String>> stamps() throws Exception {
        return DuckDb.rows("SELECT id, n, label, epoch_ms(created_ts), epoch_ms(updated_ts) FROM "
                + DuckDb.literal(dataset.resolve("widgets/data.parquet")) + " ORDER BY id");
    }

    @Test
    void rewriteKeepsCreatedAndMovesUpdatedOnlyForChangedRows() throws Exception {
        ParquetTable.Written first = run(1000, false, new Object[] {"c", 3L, null}, new Object[] {"a", 1L, "x"},
                new Object[] {"b", 2L, "y"});
        assertThat(first.read()).isEqualTo(3);
        assertThat(first.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("widgets/data.parquet");
            assertThat(f.rows()).isEqualTo(3);
        });
        assertThat(first.extra()).hasSize(1).containsValue("_gatos/audit/widgets.bin");
        assertThat(dataset.resolve("_gatos/audit/widgets.bin")).isRegularFile();
        assertThat(stamps()).containsExactly(
                List.of("a", "1", "x", "1000", "1000"),
                List.of("b", "2", "y", "1000", "1000"),
                java.util.Arrays.asList("c", "3", null, "1000", "1000"));

        run(2000, true, new Object[] {"a", 1L, "x"}, new Object[] {"b", 2L, "changed"},
                new Object[] {"c", 3L, null}, new Object[] {"d", 4L, "new"});
        assertThat(stamps()).containsExactly(
                List.of("a", "1", "x", "1000", "1000"),
                List.of("b", "2", "changed", "1000", "2000"),
                java.util.Arrays.asList("c", "3", null, "1000", "1000"),
                List.of("d", "4", "new", "2000", "2000"));

        run(3000, true, new Object[] {"b", 2L, "changed"}, new Object[] {"d", 5L, "new"});
        assertThat(stamps()).containsExactly(
                List.of("b", "2", "changed", "1000", "2000"),
                List.of("d", "5", "new", "2000", "3000"));
    }

    @Test
    void freshExportIgnoresAnOldAuditIndex() throws Exception {
        run(1000, false, new Object[] {"a", 1L, "x"});
        run(2000, false, new Object[] {"a", 1L, "x"});
        assertThat(stamps()).containsExactly(List.of("a", "1", "x", "2000", "2000"));
    }

    @Test
    void auditIndexIsStagedUnderTheTablesName() throws Exception {
        Staging staging = Staging.open(dataset);
        ParquetTable table = new ParquetTable(LAYOUT, staging, 1000, null, 0);
        table.add(new Object[] {"a", 1L, "x"});
        ParquetTable.Written written = table.finish();
        Map.Entry<Path, String> audit = written.extra().entrySet().iterator().next();
        assertThat(audit.getValue()).isEqualTo("_gatos/audit/widgets.bin");
        assertThat(audit.getKey()).isRegularFile();
        assertThat(audit.getKey().getParent()).isEqualTo(staging.dir());
        assertThat(AuditIndex.read(audit.getKey()).size()).isEqualTo(1);
        assertThat(written.files().get(0).staged().getParent()).isEqualTo(staging.dir());
    }

    @Test
    void rowsComeOutSortedByKey() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Object[] {String.format("k%04d", (i * 37) % 500), (long) i, i % 5 == 0 ? null : "v" + i});
        }
        run(1000, false, rows.toArray(Object[][]::new));
        assertThat(DuckDb.value("SELECT count(*) FROM " + DuckDb.literal(dataset.resolve("widgets/data.parquet"))))
                .isEqualTo("500");
        List<List<String>> ids = DuckDb.rows("SELECT id FROM "
                + DuckDb.literal(dataset.resolve("widgets/data.parquet")));
        List<List<String>> sortedIds = new ArrayList<>(ids);
        sortedIds.sort(java.util.Comparator.comparing(r -> r.get(0)));
        assertThat(ids).isEqualTo(sortedIds);
    }

    @Test
    void appendOnlyTableWritesPartFilesAndAKeyIndexButNoAuditIndex() throws Exception {
        TableLayout events = TableLayout.of(Catalog.get().require("events"), List.of("id", "ts"));
        ParquetTable table = new ParquetTable(events, Staging.open(dataset), 5000, null, 0);
        table.add(new Object[] {"e2", 86_400_000L});
        table.add(new Object[] {"e1", 0L});
        ParquetTable.Written written = table.finish();
        assertThat(written.read()).isEqualTo(2);
        assertThat(written.extra().values()).containsExactly("_gatos/keys/events.bin");
        assertThat(written.files()).extracting(StagedFile::path).satisfiesExactly(
                p -> assertThat(p).matches("events/date=1970-01-01/part-[0-9a-f]{16}\\.parquet"),
                p -> assertThat(p).matches("events/date=1970-01-02/part-[0-9a-f]{16}\\.parquet"));
    }

    @Test
    void duplicateKeyFailsFinish() throws Exception {
        ParquetTable table = new ParquetTable(LAYOUT, Staging.open(dataset), 1000, null, 0);
        table.add(new Object[] {"a", 1L, "x"});
        table.add(new Object[] {"a", 2L, "y"});
        assertThatThrownBy(table::finish).isInstanceOfSatisfying(ParquetTable.DuplicateKey.class,
                e -> assertThat(e.key()).isEqualTo("a"));
        try (var files = Files.walk(dataset)) {
            assertThat(files.filter(p -> p.toString().endsWith(".spill")).toList()).isEmpty();
        }
    }
}
