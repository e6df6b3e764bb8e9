package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InformationSchemaTest {
    @TempDir
    Path dir;

    @Test
    void mountsSchemataTablesAndColumnsUnderLowerCaseNamesThatAnyCaseReaches() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            SchemaPlus root = c.connection.unwrap(CalciteConnection.class).getRootSchema();
            assertThat(root.subSchemas().get(InformationSchema.NAME).tables().getNames(
                    org.apache.calcite.schema.lookup.LikePattern.any()))
                    .containsExactlyInAnyOrder("schemata", "tables", "columns", "table_constraints",
                            "key_column_usage", "referential_constraints");
            assertThat(c.rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'gatos'"))
                    .containsExactly("14");
            assertThat(c.rows("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'gatos'"))
                    .containsExactly("1");
        }
    }

    @Test
    void mountingAgainReplacesTheSchemaWithoutListingItTwice() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            InformationSchema.mount(c.connection.unwrap(CalciteConnection.class).getRootSchema());
            assertThat(c.rows("SELECT schema_name FROM information_schema.schemata"))
                    .containsExactly("gatos", "information_schema", "metadata", "misc");
        }
    }
}
