package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionWriterTest {
    private static final long NOW = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
    private static final long DAY1 = Instant.parse("2025-03-09T23:59:59.999Z").toEpochMilli();
    private static final long DAY2 = Instant.parse("2025-03-10T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /** Staged files end in .tmp, so DuckDB is told their format. */
    private static String parquet(Path file) {
        return "read_parquet(" + DuckDb.literal(file) + ")";
    }

    private static TableLayout events() {
        return TableLayout.of(Catalog.get().require("events"), List.of("id", "ts", "kind"));
    }

    private static Iterator<SortBuffer.Entry> sorted(TableLayout layout, Object[]... rows) {
        List<SortBuffer.Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            entries.add(new SortBuffer.Entry(layout.partition(row), layout.key(row), row));
        }
        entries.sort(SortBuffer.ORDER);
        return entries.iterator();
    }

    private static Object[][] eventRows() {
        return new Object[][] {{"e3", DAY2, "b"}, {"e1", DAY1, "a"}, {"e2", DAY1, "b"}, {"e4", DAY2 + 5, "c"}};
    }

    private List<StagedFile> writeEvents(Path dataset, Object[]... rows) throws Exception {
        TableLayout layout = events();
        Staging staging = Staging.open(dataset);
        return new PartitionWriter(layout, staging, NOW, null, null).write(sorted(layout, rows), false);
    }

    @Test
    void writesOneFilePerPartitionWithDeterministicNames() throws Exception {
        List<StagedFile> files = writeEvents(dir.resolve("a"), eventRows());
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path()).matches("events/date=2025-03-09/part-[0-9a-f]{16}\\.parquet");
        assertThat(files.get(1).path()).matches("events/date=2025-03-10/part-[0-9a-f]{16}\\.parquet");
        assertThat(files).extracting(StagedFile::rows).containsExactly(2L, 2L);
        for (StagedFile f : files) {
            assertThat(f.staged()).exists().hasParent(dir.resolve("a/_gatos/staging"));
            assertThat(f.bytes()).isEqualTo(java.nio.file.Files.size(f.staged()));
            assertThat(f.digest()).isEqualTo(FileDigest.of(f.staged()));
            assertThat(ParquetFooter.rows(f.staged())).isEqualTo(f.rows());
        }
        assertThat(DuckDb.rows("SELECT id, epoch_ms(ts), kind, epoch_ms(created_ts), epoch_ms(updated_ts) FROM "
                + parquet(files.get(0).staged()))).containsExactly(
                        List.of("e1", String.valueOf(DAY1), "a", String.valueOf(NOW), String.valueOf(NOW)),
                        List.of("e2", String.valueOf(DAY1), "b", String.valueOf(NOW), String.valueOf(NOW)));
        assertThat(DuckDb.rows("SELECT id FROM " + parquet(files.get(1).staged())))
                .containsExactly(List.of("e3"), List.of("e4"));

        List<StagedFile> again = writeEvents(dir.resolve("b"), eventRows());
        assertThat(again).extracting(StagedFile::path).containsExactlyElementsOf(
                files.stream().map(StagedFile::path).toList());
        assertThat(again).extracting(StagedFile::digest).containsExactlyElementsOf(
                files.stream().map(StagedFile::digest).toList());

        List<StagedFile> other = writeEvents(dir.resolve("c"), new Object[] {"e1", DAY1, "a"},
                new Object[] {"e5", DAY1, "b"});
        assertThat(other).hasSize(1);
        assertThat(other.get(0).path()).startsWith("events/date=2025-03-09/part-")
                .isNotEqualTo(files.get(0).path());
    }

    @Test
    void partitionColumnIsLeftOutOfStateNodeFiles() throws Exception {
        TableLayout layout = TableLayout.of(Catalog.get().require("state_nodes"), List.of("id", "state_ref", "path"));
        List<StagedFile> files = new PartitionWriter(layout, Staging.open(dir), NOW, null, null).write(
                sorted(layout, new Object[] {"n2", "s1", "p2"}, new Object[] {"n1", "s2", "p1"},
                        new Object[] {"n3", "s1", "p3"}), false);
        assertThat(files).extracting(StagedFile::path).allMatch(p -> p.matches(
                "state_nodes/state_ref=s[12]/part-[0-9a-f]{16}\\.parquet"));
        assertThat(files).extracting(StagedFile::rows).containsExactly(2L, 1L);
        assertThat(DuckDb.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM "
                + parquet(files.get(0).staged()) + ")")).containsExactly(List.of("id"), List.of("path"),
                        List.of("created_ts"), List.of("updated_ts"));
    }

    @Test
    void duplicateKeyIsRefusedNamingTheKey() throws Exception {
        TableLayout layout = events();
        PartitionWriter writer = new PartitionWriter(layout, Staging.open(dir), NOW, null, null);
        assertThatThrownBy(() -> writer.write(sorted(layout, new Object[] {"e1", DAY1, "a"},
                new Object[] {"e2", DAY1, "a"}, new Object[] {"e1", DAY1 - 1, "b"}), false))
                .isInstanceOfSatisfying(ParquetTable.DuplicateKey.class, e -> {
                    assertThat(e.key()).isEqualTo("e1");
                    assertThat(e.getMessage()).contains("e1");
                    assertThat(List.of(e.first()[2], e.second()[2])).containsExactlyInAnyOrder("a", "b");
                });
    }

    @Test
    void duplicateCompositeKeyNamesEveryKeyColumn() throws Exception {
        TableLayout layout = TableLayout.of(Catalog.get().require("consumers"), List.of("group_name", "topic", "lag"));
        PartitionWriter writer = new PartitionWriter(layout, Staging.open(dir), NOW, new AuditIndex(),
                new AuditIndex());
        assertThatThrownBy(() -> writer.write(sorted(layout, new Object[] {"g", "t", 1L},
                new Object[] {"g", "u", 1L}, new Object[] {"g", "t", 2L}), true))
                .isInstanceOfSatisfying(ParquetTable.DuplicateKey.class,
                        e -> assertThat(e.key()).isEqualTo("g,t"));
    }

    @Test
    void tableWithoutKeyKeepsIdenticalRows() throws Exception {
        TableLayout layout = TableLayout.of(Catalog.get().require("findings"), List.of("code", "message"));
        List<StagedFile> files = new PartitionWriter(layout, Staging.open(dir), NOW, new AuditIndex(),
                new AuditIndex()).write(sorted(layout, new Object[] {"C", "m"}, new Object[] {"C", "m"}), true);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.path()).matches("findings/part-[0-9a-f]{16}\\.parquet");
            assertThat(f.rows()).isEqualTo(2);
        });
    }

    @Test
    void emptyUnpartitionedTableGetsOneEmptyFileWithItsColumns() throws Exception {
        TableLayout layout = TableLayout.of(Catalog.get().require("commits"), List.of("id", "ts", "parent_count"));
        List<StagedFile> files = new PartitionWriter(layout, Staging.open(dir), NOW, null, null)
                .write(java.util.Collections.emptyIterator(), true);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.path()).matches("commits/part-[0-9a-f]{16}\\.parquet");
            assertThat(f.rows()).isZero();
        });
        Path file = files.get(0).staged();
        assertThat(DuckDb.value("SELECT count(*) FROM " + parquet(file))).isEqualTo("0");
        assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + parquet(file) + ")")).containsExactly(List.of("id", "VARCHAR"),
                        List.of("ts", "TIMESTAMP WITH TIME ZONE"), List.of("parent_count", "INTEGER"),
                        List.of("created_ts", "TIMESTAMP WITH TIME ZONE"),
                        List.of("updated_ts", "TIMESTAMP WITH TIME ZONE"));
    }

    @Test
    void emptyTableWithoutEmptyFileGetsNoFile() throws Exception {
        TableLayout commits = TableLayout.of(Catalog.get().require("commits"), List.of("id"));
        assertThat(new PartitionWriter(commits, Staging.open(dir.resolve("a")), NOW, null, null)
                .write(java.util.Collections.emptyIterator(), false)).isEmpty();
        assertThat(new PartitionWriter(events(), Staging.open(dir.resolve("b")), NOW, null, null)
                .write(java.util.Collections.emptyIterator(), false)).isEmpty();
    }

    @Test
    void emptyPartitionedTableGetsOneTopLevelFileWithThePartitionColumn() throws Exception {
        List<StagedFile> files = new PartitionWriter(events(), Staging.open(dir), NOW, null, null)
                .write(java.util.Collections.emptyIterator(), true);
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.path()).matches("events/part-[0-9a-f]{16}\\.parquet");
            assertThat(f.rows()).isZero();
        });
        List<List<String>> columns = DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + parquet(files.get(0).staged()) + ")");
        assertThat(columns.get(columns.size() - 1)).as("where Hive readers put a partition column")
                .containsExactly("date", "DATE");
        TableLayout nodes = TableLayout.of(Catalog.get().require("state_nodes"), List.of("id", "state_ref", "path"));
        List<StagedFile> empty = new PartitionWriter(nodes, Staging.open(dir.resolve("n")), NOW, null, null)
                .write(java.util.Collections.emptyIterator(), true);
        assertThat(DuckDb.rows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                + parquet(empty.get(0).staged()) + ")")).containsExactly(List.of("id", "VARCHAR"),
                        List.of("path", "VARCHAR"), List.of("created_ts", "TIMESTAMP WITH TIME ZONE"),
                        List.of("updated_ts", "TIMESTAMP WITH TIME ZONE"), List.of("state_ref", "VARCHAR"));
    }
}
