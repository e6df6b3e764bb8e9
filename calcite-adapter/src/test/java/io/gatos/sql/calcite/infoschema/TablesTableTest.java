package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.calcite.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTableTest {
    @TempDir
    Path dir;

    @Test
    void listsLedgerTablesAsBaseTablesWithTheCatalogsDescriptions() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.rows("SELECT table_name, table_type, description FROM information_schema.tables"
                    + " WHERE table_schema = 'gatos' ORDER BY table_name"))
                    .containsExactlyElementsOf(Catalog.get().tables().stream().sorted((a, b) -> a.name()
                            .compareTo(b.name())).map(t -> t.name() + "|BASE TABLE|" + t.description()).toList());
        }
    }

    @Test
    void listsViewsDictionariesAndItselfWithPostgresqlColumns() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.labels("SELECT * FROM information_schema.tables")).containsExactly("table_catalog",
                    "table_schema", "table_name", "table_type", "self_referencing_column_name", "reference_generation",
                    "user_defined_type_catalog", "user_defined_type_schema", "user_defined_type_name",
                    "is_insertable_into", "is_typed", "commit_action", "description");
            assertThat(c.rows("SELECT * FROM information_schema.tables WHERE table_schema <> 'gatos'")).containsExactly(
                    "gatos|information_schema|columns|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|"
                            + new ColumnsTable().description(),
                    "gatos|information_schema|key_column_usage|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|"
                            + new KeyColumnUsageTable().description(),
                    "gatos|information_schema|referential_constraints|SYSTEM TABLE|null|null|null|null|null|NO|NO"
                            + "|null|" + new ReferentialConstraintsTable().description(),
                    "gatos|information_schema|schemata|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|"
                            + new SchemataTable().description(),
                    "gatos|information_schema|table_constraints|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|"
                            + new TableConstraintsTable().description(),
                    "gatos|information_schema|tables|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|"
                            + new TablesTable().description(),
                    "gatos|metadata|COLUMNS|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|null",
                    "gatos|metadata|TABLES|SYSTEM TABLE|null|null|null|null|null|NO|NO|null|null",
                    "gatos|misc|per_ns|VIEW|null|null|null|null|null|NO|NO|null|null");
        }
    }

    @Test
    void spellsTableTypesAsPostgresqlWhereItHasThem() {
        assertThat(TablesTable.tableType(Schema.TableType.TABLE)).isEqualTo("BASE TABLE");
        assertThat(TablesTable.tableType(Schema.TableType.VIEW)).isEqualTo("VIEW");
        assertThat(TablesTable.tableType(Schema.TableType.FOREIGN_TABLE)).isEqualTo("FOREIGN");
        assertThat(TablesTable.tableType(Schema.TableType.LOCAL_TEMPORARY)).isEqualTo("LOCAL TEMPORARY");
        assertThat(TablesTable.tableType(Schema.TableType.MATERIALIZED_VIEW)).isEqualTo("MATERIALIZED VIEW");
    }
}
