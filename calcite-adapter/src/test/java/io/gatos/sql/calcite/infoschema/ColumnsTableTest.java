package io.gatos.sql.calcite.infoschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ColumnType;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnsTableTest {
    @TempDir
    Path dir;

    @Test
    void describesEveryCatalogColumnAsTheCatalogDeclaresIt() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            for (TableDef table : Catalog.get().tables()) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnDef col = table.columns().get(i);
                    expected.add(col.name() + "|" + (i + 1) + "|" + (col.nullable() ? "YES" : "NO") + "|"
                            + dataType(col.type()) + "|" + col.type() + "|" + col.description());
                }
                assertThat(c.rows("SELECT column_name, ordinal_position, is_nullable, data_type, catalog_type,"
                        + " description FROM information_schema.columns WHERE table_schema = 'gatos'"
                        + " AND table_name = '" + table.name() + "' ORDER BY ordinal_position"))
                        .as(table.name()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void describesViewsAndItselfFromTheirRowTypes() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.rows("SELECT column_name, ordinal_position, is_nullable, data_type, numeric_precision,"
                    + " udt_name, catalog_type, description FROM information_schema.columns"
                    + " WHERE table_name = 'per_ns' ORDER BY ordinal_position")).containsExactly(
                    "ns|1|NO|character varying|null|varchar|null|null", "n|2|NO|bigint|64|int8|null|null");
            List<String> declared = c.labels("SELECT * FROM information_schema.columns");
            assertThat(c.rows("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                    + " 'information_schema' AND table_name = 'columns' ORDER BY ordinal_position"))
                    .containsExactlyElementsOf(declared);
            assertThat(declared).startsWith("table_catalog", "table_schema", "table_name", "column_name",
                    "ordinal_position", "column_default", "is_nullable", "data_type", "character_maximum_length",
                    "numeric_precision", "numeric_precision_radix", "numeric_scale", "datetime_precision", "udt_name")
                    .endsWith("catalog_type", "description");
        }
    }

    @Test
    void reportsTimestampPrecisionAndNoDefaultsIdentitiesOrUpdates() throws SQLException {
        try (InfoSchemaConnection c = InfoSchemaConnection.open(dir)) {
            assertThat(c.rows("SELECT table_catalog, column_default, datetime_precision, udt_name, is_identity,"
                    + " is_generated, is_updatable FROM information_schema.columns WHERE table_name = 'events'"
                    + " AND column_name = 'ts'")).containsExactly("gatos|null|3|timestamp|NO|NEVER|NO");
        }
    }

    /** The documented spelling of each catalog type (docs/DECISIONS.md). */
    static String dataType(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON -> "character varying";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "timestamp without time zone";
        };
    }
}
