package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSelectionTest {
    private static final TableDef EVENTS = Catalog.get().require("events");
    private static final TableDef POINTERS = Catalog.get().require("pointers");

    @Test
    void allSelectsEveryColumnAndEveryRow() {
        TableSelection all = TableSelection.all(EVENTS);
        assertThat(all.columns()).isEqualTo(EVENTS.columnNames());
        assertThat(all.complete()).isTrue();
        assertThat(all.name()).isEqualTo("events");
        assertThat(all.selected()).extracting(ColumnDef::name).isEqualTo(EVENTS.columnNames());
    }

    @Test
    void putsTheColumnsInCatalogOrder() {
        TableSelection some = new TableSelection(EVENTS, List.of("ts", "id", "ns"), false);
        assertThat(some.columns()).containsExactly("id", "ns", "ts");
        assertThat(some.has("ns")).isTrue();
        assertThat(some.has("kind")).isFalse();
        assertThat(some.complete()).isFalse();
    }

    @Test
    void namesAnUnknownColumn() {
        assertThatThrownBy(() -> new TableSelection(EVENTS, List.of("id", "nope"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("table events has no column nope");
    }

    @Test
    void namesAMissingKeyColumn() {
        assertThatThrownBy(() -> new TableSelection(POINTERS, List.of("digest", "commit_id", "kind"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table pointers: the selection lacks key column path");
    }

    @Test
    void rejectsARepeatedOrEmptySelection() {
        assertThatThrownBy(() -> new TableSelection(EVENTS, List.of("id", "ns", "id"), true))
                .hasMessage("table events: column id is selected twice");
        TableDef findings = Catalog.get().require("findings");
        assertThatThrownBy(() -> new TableSelection(findings, List.of(), true))
                .hasMessage("table findings: the selection holds no column");
    }

    @Test
    void aKeylessTableMaySelectAnyColumns() {
        TableDef findings = Catalog.get().require("findings");
        assertThat(new TableSelection(findings, List.of("message", "code"), true).columns())
                .containsExactly("code", "message");
    }
}
