package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableLayoutTest {
    private static TableDef table(String name) {
        return Catalog.get().require(name);
    }

    @Test
    void eventsPartitionByUtcDayOfTs() {
        TableLayout layout = TableLayout.of(table("events"), List.of("id", "ts", "kind"));
        assertThat(layout.partitioned()).isTrue();
        assertThat(layout.appendOnly()).isTrue();
        assertThat(layout.read()).containsExactly("id", "ts", "kind");
        long beforeMidnight = Instant.parse("2025-03-09T23:59:59.999Z").toEpochMilli();
        long atMidnight = Instant.parse("2025-03-10T00:00:00Z").toEpochMilli();
        long afterMidnight = Instant.parse("2025-03-10T00:00:00.001Z").toEpochMilli();
        assertThat(layout.partition(new Object[] {"e1", beforeMidnight, "k"})).isEqualTo("date=2025-03-09");
        assertThat(layout.partition(new Object[] {"e2", atMidnight, "k"})).isEqualTo("date=2025-03-10");
        assertThat(layout.partition(new Object[] {"e3", afterMidnight, "k"})).isEqualTo("date=2025-03-10");
        assertThat(layout.partition(new Object[] {"e4", -1L, "k"})).isEqualTo("date=1969-12-31");
        // ts stays in the files: the date directory is derived, not the column itself
        assertThat(layout.stored()).containsExactly("id", "ts", "kind");
        assertThat(layout.storedValues(new Object[] {"e1", beforeMidnight, "k"}))
                .containsExactly("e1", beforeMidnight, "k");
    }

    @Test
    void readAddsThePartitionSourceWhenNotSelected() {
        TableLayout events = TableLayout.of(table("events"), List.of("id", "kind"));
        assertThat(events.read()).containsExactly("id", "kind", "ts");
        assertThat(events.selected()).containsExactly("id", "kind");
        assertThat(events.stored()).containsExactly("id", "kind");
        long ts = Instant.parse("2024-02-29T12:00:00Z").toEpochMilli();
        Object[] row = {"e1", "k", ts};
        assertThat(events.partition(row)).isEqualTo("date=2024-02-29");
        assertThat(events.storedValues(row)).containsExactly("e1", "k");

        TableLayout nodes = TableLayout.of(table("state_nodes"), List.of("id", "path"));
        assertThat(nodes.read()).containsExactly("id", "path", "state_ref");

        TableLayout refs = TableLayout.of(table("refs"), table("refs").columnNames());
        assertThat(refs.read()).isEqualTo(table("refs").columnNames());
        assertThat(refs.partitioned()).isFalse();
        assertThat(refs.partition(new Object[refs.read().size()])).isEmpty();
    }

    @Test
    void stateNodesPartitionByStateRefAndLeaveItOutOfTheFiles() {
        TableLayout layout = TableLayout.of(table("state_nodes"), List.of("id", "state_ref", "path"));
        assertThat(layout.partitioned()).isTrue();
        Object[] row = {"n1", "refs/gatos/state/main", "a/b"};
        assertThat(layout.partition(row)).isEqualTo("state_ref=refs/gatos/state/main");
        assertThat(layout.stored()).containsExactly("id", "path");
        assertThat(layout.storedValues(row)).containsExactly("n1", "a/b");
        assertThat(layout.columns()).extracting(ParquetColumn::name).doesNotContain("state_ref");
    }

    @Test
    void compositeKeysJoinTheirColumnsInKeyOrder() {
        TableDef consumers = table("consumers");
        assertThat(consumers.primaryKey()).containsExactly("group_name", "topic");
        TableLayout c = TableLayout.of(consumers, List.of("lag", "topic", "group_name"));
        assertThat(c.key(new Object[] {5L, "t1", "g1"})).isEqualTo("g1\u0000t1");
        assertThat(c.key(new Object[] {5L, "t1", "g2"})).isNotEqualTo(c.key(new Object[] {5L, "t1", "g1"}));

        TableDef pointers = table("pointers");
        TableLayout p = TableLayout.of(pointers, List.of("path", "commit_id", "digest"));
        assertThat(p.key(new Object[] {"path", "commit", "digest"})).isEqualTo("digest\u0000commit\u0000path");
    }

    @Test
    void tableWithoutPrimaryKeyIsKeyedByAllSelectedValues() {
        TableDef findings = table("findings");
        assertThat(findings.primaryKey()).isEmpty();
        TableLayout f = TableLayout.of(findings, List.of("code", "message", "path"));
        assertThat(f.appendOnly()).as("findings come from single commits, like in the SQLite export").isTrue();
        assertThat(f.key(new Object[] {"C1", "msg", null})).isEqualTo("C1\u0000msg\u0000null");
        assertThat(f.key(new Object[] {"C1", "msg", "p"})).isNotEqualTo(f.key(new Object[] {"C1", "msg", null}));
    }

    @Test
    void columnsAreStoredColumnsThenTheTwoAuditTimestamps() {
        TableDef events = table("events");
        TableLayout layout = TableLayout.of(events, List.of("id", "payload", "pos"));
        assertThat(layout.columns()).containsExactly(
                new ParquetColumn("id", ParquetKind.STRING, false),
                new ParquetColumn("payload", ParquetKind.JSON, true),
                new ParquetColumn("pos", ParquetKind.INT64, false),
                new ParquetColumn("created_ts", ParquetKind.TIMESTAMP, false),
                new ParquetColumn("updated_ts", ParquetKind.TIMESTAMP, false));
    }

    @Test
    void auditColumnsDodgeACatalogColumnOfTheSameName() {
        TableDef consumers = table("consumers");
        TableLayout layout = TableLayout.of(consumers, consumers.columnNames());
        List<ParquetColumn> columns = layout.columns();
        assertThat(columns).hasSize(consumers.columns().size() + 2);
        assertThat(columns).extracting(ParquetColumn::name).doesNotHaveDuplicates().contains("updated_ts");
        assertThat(columns.get(columns.size() - 2))
                .isEqualTo(new ParquetColumn(SqliteDdl.createdColumn(consumers), ParquetKind.TIMESTAMP, false));
        assertThat(columns.get(columns.size() - 1))
                .isEqualTo(new ParquetColumn(SqliteDdl.updatedColumn(consumers), ParquetKind.TIMESTAMP, false));
        assertThat(SqliteDdl.updatedColumn(consumers)).isNotEqualTo("updated_ts");
    }
}
