package io.gatos.sql.materialize.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.ForeignKeyDef;
import io.gatos.sql.catalog.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDdlTest {
    private static final String CHECK = "SQLITE_CONSTRAINT_CHECK";
    private static final String FOREIGN_KEY = "SQLITE_CONSTRAINT_FOREIGNKEY";
    private static final String COMMIT = "c".repeat(40);

    @TempDir
    Path dir;

    private static SqliteDdl everything() {
        return SqliteDdl.of(Catalog.get().tables().stream().map(TableSelection::all).toList());
    }

    private static TableSelection table(String name, boolean complete) {
        return new TableSelection(Catalog.get().require(name), Catalog.get().require(name).columnNames(), complete);
    }

    private SqliteTestFile file(SqliteDdl ddl) throws SQLException {
        return SqliteTestFile.create(dir.resolve("export.sqlite"), ddl);
    }

    /** Expects "name|type|notnull|pk" per column, computed from the catalog by the TABLES.md mapping. */
    private static List<String> expectedColumns(TableDef def) {
        List<String> expected = new ArrayList<>();
        if (def.primaryKey().isEmpty()) {
            expected.add("row_key|TEXT|1|1");
        }
        for (ColumnDef c : def.columns()) {
            String type = switch (c.type()) {
                case VARCHAR -> "TEXT";
                case JSON -> "JSON TEXT";
                default -> "INTEGER";
            };
            int pk = def.primaryKey().indexOf(c.name()) + 1;
            expected.add(c.name() + "|" + type + "|" + (c.nullable() ? 0 : 1) + "|" + pk);
        }
        SqliteDdl.auditColumns(def).forEach(a -> expected.add(a + "|INTEGER|1|0"));
        return expected;
    }

    @Test
    void everyCatalogTableGetsItsTypesNullabilityKeyAndNoRowid() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            for (TableDef def : Catalog.get().tables()) {
                assertThat(db.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + def.name() + "')"))
                        .as(def.name()).isEqualTo(expectedColumns(def));
                assertThat(db.rows("SELECT sql FROM sqlite_master WHERE name = '" + def.name() + "'"))
                        .singleElement().asString().endsWith(") WITHOUT ROWID");
            }
        }
    }

    @Test
    void checksRejectABadValueBadJsonAndABooleanTwo() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            db.rejects("commits", Map.of("plane", "nope"), CHECK);
            db.rejects("commits", Map.of("trailers", "{"), CHECK);
            db.rejects("commits", Collections.singletonMap("author", null), "SQLITE_CONSTRAINT_NOTNULL");
            db.insert("commits", Map.of("id", COMMIT, "plane", "other"));
            db.rejects("shiplog", Map.of("commit_id", COMMIT, "content_ok", 2), CHECK);
            db.rejects("refs", Map.of("target_type", "symlink"), CHECK);
            db.insert("shiplog", Map.of("commit_id", COMMIT, "content_ok", 1));
            db.insert("refs", Map.of("name", "refs/gatos/x", "target_type", "missing", "plane", "other"));
            db.insert("events", Map.of("id", "e1", "commit_id", COMMIT));
            assertThat(db.rows("SELECT payload IS NULL, plane FROM events, commits")).containsExactly("1|other");
        }
    }

    @Test
    void jsonColumnsKeepTopLevelNumbersAsWritten() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            db.insert("commits", Map.of("id", COMMIT));
            db.insert("events", Map.of("id", "e1", "commit_id", COMMIT, "payload", "1.50"));
            db.insert("events", Map.of("id", "e2", "commit_id", COMMIT, "payload", "12345678901234567890"));
            assertThat(db.rows("SELECT typeof(payload), payload FROM events ORDER BY id"))
                    .containsExactly("text|1.50", "text|12345678901234567890");
        }
    }

    @Test
    void foreignKeysRejectAnOrphan() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            assertThat(db.rows("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('events')"))
                    .containsExactly("commit_id|commits|id");
            assertThat(db.rows("SELECT \"from\", \"table\", \"to\" FROM"
                    + " pragma_foreign_key_list('governance_revocations')"))
                    .containsExactlyInAnyOrder("commit_id|commits|id", "grant_id|governance_grants|id");
            db.rejects("events", Map.of("id", "e1", "commit_id", COMMIT), FOREIGN_KEY);
            db.rejects("state_nodes", Map.of("id", "n1", "state_ref", COMMIT), FOREIGN_KEY);
        }
    }

    @Test
    void foreignKeysNeedTheirTargetSelectedAndComplete() throws SQLException {
        SqliteDdl incomplete = SqliteDdl.of(List.of(table("commits", false), table("events", true),
                table("state_checkpoints", true), table("state_nodes", true)));
        try (SqliteTestFile db = file(incomplete)) {
            assertThat(db.rows("SELECT * FROM pragma_foreign_key_list('events')")).isEmpty();
            assertThat(db.rows("SELECT * FROM pragma_foreign_key_list('state_checkpoints')")).isEmpty();
            assertThat(db.rows("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('state_nodes')"))
                    .containsExactly("state_ref|state_checkpoints");
            db.insert("events", Map.of("id", "e1", "commit_id", COMMIT));
        }
        String absent = String.join("\n", SqliteDdl.of(List.of(table("jobs", true))).createTables());
        assertThat(absent).doesNotContain("REFERENCES");
    }

    @Test
    void declaresTheCatalogRelationsEachTargetCreatedFirst() throws SQLException {
        List<String> order = Catalog.get().tables().stream().map(TableDef::name).toList();
        List<String> expected = new ArrayList<>();
        for (ForeignKeyDef fk : Catalog.get().foreignKeys()) {
            assertThat(order.indexOf(fk.refTable())).as(fk.name()).isLessThan(order.indexOf(fk.table()));
            expected.add(fk.table() + "|" + fk.columns().get(0) + "|" + fk.refTable() + "|" + fk.refColumns().get(0));
        }
        try (SqliteTestFile db = file(everything())) {
            List<String> actual = new ArrayList<>();
            for (String table : order) {
                db.rows("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('" + table + "')")
                        .forEach(row -> actual.add(table + "|" + row));
            }
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected).hasSize(15);
        }
        assertThat(SqliteDdl.clause(Catalog.get().foreignKeys().get(0)))
                .isEqualTo("REFERENCES \"commits\"(\"id\") DEFERRABLE INITIALLY DEFERRED");
    }

    @Test
    void declaresACompositeRelationAsATableConstraint() throws SQLException {
        TableDef parent = new TableDef("parent", "d", List.of(column("a"), column("b")), List.of("a", "b"));
        TableDef child = new TableDef("child", "d", List.of(column("id"), column("x"), column("y")), List.of("id"),
                List.of(new ForeignKeyDef("child", List.of("x", "y"), "parent", List.of("a", "b"))));
        SqliteDdl ddl = SqliteDdl.of(List.of(TableSelection.all(parent), TableSelection.all(child)));
        assertThat(ddl.createTables().get(1)).contains("  \"updated_ts\" INTEGER NOT NULL,\n"
                + "  FOREIGN KEY (\"x\", \"y\") REFERENCES \"parent\"(\"a\", \"b\") DEFERRABLE INITIALLY DEFERRED,\n  PRIMARY KEY (\"id\")");
        try (SqliteTestFile db = file(ddl)) {
            assertThat(db.rows("SELECT seq, \"from\", \"table\", \"to\" FROM pragma_foreign_key_list('child')"))
                    .containsExactly("0|x|parent|a", "1|y|parent|b");
        }
        TableSelection partial = new TableSelection(child, List.of("id", "x"), true);
        assertThat(SqliteDdl.of(List.of(TableSelection.all(parent), partial)).createTables().get(1))
                .as("a relation needs all its columns").doesNotContain("FOREIGN KEY");
    }

    @Test
    void auditColumnsStepAsideForCatalogColumns() throws SQLException {
        TableDef consumers = Catalog.get().require("consumers");
        assertThat(SqliteDdl.auditColumns(consumers)).containsExactly("created_ts", "export_updated_ts");
        assertThat(SqliteDdl.auditColumns(Catalog.get().require("events"))).containsExactly("created_ts", "updated_ts");
        TableDef both = new TableDef("t", "d", List.of(column("updated_ts"), column("export_updated_ts")),
                List.of("updated_ts"));
        assertThat(SqliteDdl.updatedColumn(both)).isEqualTo("export_export_updated_ts");
        assertThat(SqliteDdl.createdColumn(both)).isEqualTo("created_ts");
        try (SqliteTestFile db = file(SqliteDdl.of(List.of(TableSelection.all(consumers))))) {
            assertThat(db.rows("SELECT name, type, \"notnull\" FROM pragma_table_info('consumers')"
                    + " WHERE name LIKE '%ts'"))
                    .containsExactly("updated_ts|INTEGER|0", "created_ts|INTEGER|1", "export_updated_ts|INTEGER|1");
        }
    }

    private static ColumnDef column(String name) {
        return new ColumnDef(name, ColumnType.TIMESTAMP, false, "d", List.of());
    }

    @Test
    void keylessTablesGetARowKeyFirst() {
        TableSelection findings = new TableSelection(Catalog.get().require("findings"), List.of("code", "message"),
                true);
        assertThat(SqliteDdl.keyColumns(findings.def())).containsExactly(SqliteDdl.ROW_KEY);
        assertThat(SqliteDdl.columns(findings))
                .containsExactly("row_key", "code", "message", "created_ts", "updated_ts");
        assertThat(SqliteDdl.of(List.of(findings)).createTables()).singleElement().asString()
                .contains("\"row_key\" TEXT NOT NULL,").contains("PRIMARY KEY (\"row_key\")");
        TableSelection pointers = TableSelection.all(Catalog.get().require("pointers"));
        assertThat(SqliteDdl.keyColumns(pointers.def())).containsExactly("digest", "commit_id", "path");
        assertThat(SqliteDdl.columns(pointers)).startsWith("digest", "kind")
                .endsWith("path", "created_ts", "updated_ts");
    }

    @Test
    void indexesCoverSelectedColumnsOnly() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            assertThat(db.rows("SELECT name FROM pragma_index_list('events') WHERE origin = 'c' ORDER BY name"))
                    .containsExactly("idx_events_commit_id", "idx_events_kind", "idx_events_ns_ts",
                            "idx_events_stream_pos");
            assertThat(db.rows("SELECT name FROM pragma_index_info('idx_events_ns_ts')")).containsExactly("ns", "ts");
            assertThat(db.rows("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'"))
                    .containsExactly(String.valueOf(Catalog.get().tables().stream()
                            .mapToInt(t -> t.profile().indexes().size()).sum()));
        }
        TableSelection events = new TableSelection(Catalog.get().require("events"), List.of("id", "ns", "ts"), true);
        assertThat(SqliteDdl.of(List.of(events)).createIndexes())
                .containsExactly("CREATE INDEX IF NOT EXISTS \"idx_events_ns_ts\" ON \"events\" (\"ns\", \"ts\")");
    }

    @Test
    void exportInfoNumbersRunsAndChecksItsColumns() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            String insert = "INSERT INTO export_info (ledger_head, policy_root, extractor_version, explorer_root,"
                    + " frontier, tables, mode, ledger_time) VALUES ('h', '', 'v1', 'r', '{}', '[]', '%s', 5)";
            db.run(List.of(insert.formatted("full"), insert.formatted("incremental")));
            assertThat(db.rows("SELECT run, mode, state_ref FROM export_info ORDER BY run"))
                    .containsExactly("1|full|null", "2|incremental|null");
            assertThatThrownBy(() -> db.run(List.of(insert.formatted("partial")))).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> db.run(List.of(insert.replace("'{}'", "'{'").formatted("full"))))
                    .hasMessageContaining("CHECK");
            assertThat(db.rows("SELECT name, type FROM pragma_table_info('export_info') WHERE pk = 1"))
                    .containsExactly("run|INTEGER");
        }
        assertThat(SqliteDdl.exportInfo()).doesNotContain("WITHOUT ROWID");
        assertThat(SqliteDdl.exportInfoTable().columnNames()).startsWith("run", "state_ref")
                .endsWith("mode", "ledger_time");
    }

    @Test
    void aConsistentDatasetPassesTheIntegrityChecksAndTheDdlRunsAgain() throws SQLException {
        try (SqliteTestFile db = file(everything())) {
            db.run(everything().all());
            db.insert("commits", Map.of("id", COMMIT));
            db.insert("events", Map.of("id", "e1", "commit_id", COMMIT));
            db.insert("state_checkpoints", Map.of("state_ref", COMMIT));
            db.insert("state_nodes", Map.of("id", COMMIT + ":a.json", "state_ref", COMMIT));
            db.insert("pointers", Map.of("commit_id", COMMIT, "state_ref", COMMIT, "source", "state"));
            db.insert("jobs", Map.of("id", "j1", "commit_id", COMMIT, "result_commit_id", COMMIT));
            db.insert("governance_proposals", Map.of("id", "p1", "commit_id", COMMIT));
            db.insert("governance_approvals", Map.of("id", "a1", "proposal_id", "p1", "commit_id", COMMIT));
            db.insert("governance_grants", Map.of("id", "g1", "proposal_id", "p1", "commit_id", COMMIT));
            db.insert("governance_revocations", Map.of("id", "r1", "grant_id", "g1", "commit_id", COMMIT));
            db.insert("findings", Map.of("code", "BAD_JSON"));
            assertThat(db.rows("PRAGMA integrity_check")).containsExactly("ok");
            assertThat(db.rows("PRAGMA foreign_key_check")).isEmpty();
        }
    }

    @Test
    void ordersTablesAsTheCatalogAndRefusesATableTwice() {
        SqliteDdl ddl = SqliteDdl.of(List.of(table("jobs", true), table("commits", true)));
        assertThat(ddl.tables()).extracting(TableSelection::name).containsExactly("commits", "jobs");
        assertThat(ddl.createTables().get(1)).contains("\"commit_id\" TEXT NOT NULL REFERENCES \"commits\"(\"id\")");
        assertThatThrownBy(() -> SqliteDdl.of(List.of(table("jobs", true), table("jobs", false))))
                .hasMessage("table jobs is selected twice");
    }
}
