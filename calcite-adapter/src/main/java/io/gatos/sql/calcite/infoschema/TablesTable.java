package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.absent;
import static io.gatos.sql.calcite.infoschema.InfoColumn.optionalText;
import static io.gatos.sql.calcite.infoschema.InfoColumn.text;

import io.gatos.sql.calcite.infoschema.VisibleSchemas.TableRef;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.schema.Schema;

/**
 * Presents {@code information_schema.tables}: one row per table or view the statement sees, with
 * PostgreSQL's columns plus {@code description} (the catalog's description of a ledger table).
 * {@code table_type} is {@code BASE TABLE} or {@code VIEW} as in PostgreSQL, {@code SYSTEM TABLE}
 * for the data dictionaries ({@code metadata}, {@code information_schema}); nothing is insertable.
 */
final class TablesTable extends InfoTable<TableRef> {
    private static final List<InfoColumn<TableRef>> COLUMNS = List.of(
            text("table_catalog", t -> InformationSchema.CATALOG),
            text("table_schema", TableRef::schema),
            text("table_name", TableRef::name),
            text("table_type", t -> tableType(t.table().getJdbcTableType())),
            absent("self_referencing_column_name"),
            absent("reference_generation"),
            absent("user_defined_type_catalog"),
            absent("user_defined_type_schema"),
            absent("user_defined_type_name"),
            text("is_insertable_into", t -> "NO"),
            text("is_typed", t -> "NO"),
            absent("commit_action"),
            optionalText("description", TableRef::description));

    TablesTable() {
        super("One row per table or view the connection sees.", COLUMNS);
    }

    @Override
    Stream<TableRef> rows(VisibleSchemas visible) {
        return visible.tables();
    }

    /** Returns PostgreSQL's spelling of {@code type} where it has one, else JDBC's ({@code SYSTEM TABLE}...). */
    static String tableType(Schema.TableType type) {
        return switch (type) {
            case TABLE -> "BASE TABLE";
            case FOREIGN_TABLE -> "FOREIGN";
            case TEMPORARY_TABLE, LOCAL_TEMPORARY -> "LOCAL TEMPORARY";
            default -> type.jdbcName;
        };
    }
}
