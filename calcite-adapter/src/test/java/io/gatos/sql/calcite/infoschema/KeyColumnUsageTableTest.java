package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyColumnUsageTableTest {
    @TempDir
    Path dir;

    @Test
    void listsTheColumnsOfEachKeyInKeyOrder() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.labels("SELECT * FROM information_schema.key_column_usage")).containsExactly(
                    "constraint_catalog", "constraint_schema", "constraint_name", "table_catalog", "table_schema",
                    "table_name", "column_name", "ordinal_position", "position_in_unique_constraint");
            assertThat(c.rows("SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint"
                    + " FROM information_schema.key_column_usage WHERE table_name = 'pointers'")).containsExactly(
                            "pk_pointers|digest|1|null", "pk_pointers|commit_id|2|null", "pk_pointers|path|3|null",
                            "fk_pointers_state_ref|state_ref|1|1", "fk_pointers_commit_id|commit_id|1|1");
            int keyColumns = Catalog.get().tables().stream().mapToInt(t -> t.primaryKey().size()).sum()
                    + Catalog.get().foreignKeys().stream().mapToInt(fk -> fk.columns().size()).sum();
            assertThat(c.rows("SELECT COUNT(*) FROM information_schema.key_column_usage"))
                    .containsExactly(String.valueOf(keyColumns));
        }
    }

    @Test
    void joinsToTheReferencedColumnAsPostgresqlDocuments() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.rows("SELECT f.table_name, f.column_name, p.table_name, p.column_name"
                    + " FROM information_schema.referential_constraints r"
                    + " JOIN information_schema.key_column_usage f ON f.constraint_name = r.constraint_name"
                    + " JOIN information_schema.key_column_usage p ON p.constraint_name = r.unique_constraint_name"
                    + " AND p.ordinal_position = f.position_in_unique_constraint"
                    + " WHERE f.table_name = 'state_nodes'")).containsExactly(
                            "state_nodes|state_ref|state_checkpoints|state_ref");
        }
    }
}
