package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemataTableTest {
    @TempDir
    Path dir;

    @Test
    void listsEverySchemaWithPostgresqlColumns() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.labels("SELECT * FROM information_schema.schemata")).containsExactly("catalog_name",
                    "schema_name", "schema_owner", "default_character_set_catalog", "default_character_set_schema",
                    "default_character_set_name", "sql_path");
            assertThat(c.rows("SELECT * FROM information_schema.schemata")).containsExactly(
                    "gatos|gatos|null|null|null|null|null",
                    "gatos|information_schema|null|null|null|null|null",
                    "gatos|metadata|null|null|null|null|null",
                    "gatos|misc|null|null|null|null|null");
        }
    }

    @Test
    void seesASchemaMountedAfterTheConnectionOpened() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            c.connection.unwrap(CalciteConnection.class).getRootSchema().add("late", new AbstractSchema());
            assertThat(c.rows("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'l%'"))
                    .containsExactly("late");
        }
    }
}
