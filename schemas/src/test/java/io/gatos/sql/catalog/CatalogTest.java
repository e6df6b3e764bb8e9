package io.gatos.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void everyTableOfTheSpecIsInTheCatalogWithTheSameColumnsTypesAndNullability() throws IOException {
        Path spec = SpecTables.locate();
        assumeTrue(spec != null, "../shared/spec/TABLES.md is not beside this checkout");
        Map<String, Map<String, String>> expected = SpecTables.parse(Files.readString(spec));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(14);
        for (var table : expected.entrySet()) {
            TableDef def = Catalog.get().table(table.getKey()).orElseThrow(
                    () -> new AssertionError("catalog lacks table " + table.getKey()));
            Map<String, String> actual = new LinkedHashMap<>();
            for (ColumnDef c : def.columns()) {
                if (table.getValue().containsKey(c.name())) {
                    actual.put(c.name(), c.type() + (c.nullable() ? " opt" : ""));
                }
            }
            assertThat(actual).as(table.getKey()).containsExactlyInAnyOrderEntriesOf(table.getValue());
        }
    }

    @Test
    void primaryKeysFollowTheSpec() {
        Catalog catalog = Catalog.get();
        assertThat(catalog.require("commits").primaryKey()).containsExactly("id");
        assertThat(catalog.require("events").primaryKey()).containsExactly("id");
        assertThat(catalog.require("shiplog").primaryKey()).containsExactly("commit_id");
        assertThat(catalog.require("state_checkpoints").primaryKey()).containsExactly("state_ref");
        assertThat(catalog.require("state_nodes").primaryKey()).containsExactly("id");
        assertThat(catalog.require("pointers").primaryKey()).containsExactly("digest", "commit_id", "path");
        assertThat(catalog.require("jobs").primaryKey()).containsExactly("id");
        for (String gov : List.of("proposals", "approvals", "grants", "revocations")) {
            assertThat(catalog.require("governance_" + gov).primaryKey()).containsExactly("id");
        }
    }

    @Test
    void columnsHaveDescriptionsAndLowerSnakeCaseNames() {
        for (TableDef table : Catalog.get().tables()) {
            assertThat(table.name()).matches("[a-z_]+");
            for (ColumnDef column : table.columns()) {
                assertThat(column.name()).matches("[a-z_]+");
                assertThat(column.description()).as(table.name() + "." + column.name()).isNotBlank();
            }
        }
    }

    @Test
    void lookupsNameWhatIsMissing() {
        TableDef events = Catalog.get().require("events");
        assertThat(events.indexOf("ns")).isEqualTo(1);
        assertThat(events.column("nope")).isEmpty();
        assertThatThrownBy(() -> events.indexOf("nope")).hasMessageContaining("events has no column nope");
        assertThatThrownBy(() -> Catalog.get().require("nope")).hasMessageContaining("no table nope");
    }

    @Test
    void closedSetsListTheirValues() {
        List<String> planes = List.of("journal", "shiplog", "consumer", "state", "job", "proposal", "approval",
                "grant", "revocation", "policy", "audit", "cache", "other");
        assertThat(values("commits", "plane")).isEqualTo(planes);
        assertThat(values("refs", "plane")).isEqualTo(planes);
        assertThat(values("refs", "target_type")).containsExactly("commit", "blob", "tree", "tag", "missing");
        assertThat(values("jobs", "status"))
                .containsExactly("pending", "claimed", "running", "succeeded", "failed", "aborted");
        assertThat(values("governance_proposals", "state"))
                .containsExactly("proposal", "partial", "granted", "expired", "revoked");
        assertThat(values("pointers", "kind")).containsExactly("blobptr", "opaque", "opaque_pointer");
        assertThat(values("pointers", "source")).containsExactly("state", "event");
        assertThat(values("findings", "code")).as("open set: more codes may be added").isEmpty();
        long enumerated = Catalog.get().tables().stream().flatMap(t -> t.columns().stream())
                .filter(ColumnDef::enumerated).count();
        assertThat(enumerated).isEqualTo(7);
    }

    @Test
    void onlyTextColumnsListValues() {
        assertThatThrownBy(() -> new ColumnDef("n", ColumnType.BIGINT, false, "d", List.of("1")))
                .hasMessageContaining("column n: only VARCHAR columns may list values");
        assertThat(new ColumnDef("n", ColumnType.VARCHAR, false, "d", List.of()).enumerated()).isFalse();
    }

    private static List<String> values(String table, String column) {
        return Catalog.get().require(table).column(column).orElseThrow().values();
    }

    @Test
    void typesMapToJdbc() {
        assertThat(ColumnType.JSON.sqlTypeName()).isEqualTo("VARCHAR");
        assertThat(ColumnType.TIMESTAMP.jdbcType()).isEqualTo(java.sql.Types.TIMESTAMP);
        assertThat(ColumnType.BOOLEAN.sqlTypeName()).isEqualTo("BOOLEAN");
    }
}
