package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableConstraintsTableTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryKeyOfTheCatalogWithPostgresqlColumns() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.labels("SELECT * FROM information_schema.table_constraints")).containsExactly(
                    "constraint_catalog", "constraint_schema", "constraint_name", "table_catalog", "table_schema",
                    "table_name", "constraint_type", "is_deferrable", "initially_deferred", "enforced");
            assertThat(c.rows("SELECT * FROM information_schema.table_constraints WHERE table_name = 'jobs'"))
                    .containsExactly("gatos|gatos|pk_jobs|gatos|gatos|jobs|PRIMARY KEY|NO|NO|NO",
                            "gatos|gatos|fk_jobs_commit_id|gatos|gatos|jobs|FOREIGN KEY|NO|NO|NO",
                            "gatos|gatos|fk_jobs_result_commit_id|gatos|gatos|jobs|FOREIGN KEY|NO|NO|NO");
            long primaryKeys = Catalog.get().tables().stream().filter(t -> !t.primaryKey().isEmpty()).count();
            assertThat(c.rows("SELECT constraint_type, COUNT(*) FROM information_schema.table_constraints"
                    + " GROUP BY constraint_type ORDER BY constraint_type")).containsExactly(
                            "FOREIGN KEY|" + Catalog.get().foreignKeys().size(), "PRIMARY KEY|" + primaryKeys);
            assertThat(c.rows("SELECT COUNT(*) FROM information_schema.table_constraints"
                    + " WHERE table_schema <> 'gatos' OR table_name = 'findings'")).containsExactly("0");
            TableDef events = Catalog.get().require("events");
            assertThat(c.rows("SELECT constraint_name FROM information_schema.table_constraints"
                    + " WHERE table_name = 'events'")).containsExactly(events.primaryKeyName(),
                            events.foreignKeys().get(0).name());
        }
    }
}
