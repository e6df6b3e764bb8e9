package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.absent;
import static io.gatos.sql.calcite.infoschema.InfoColumn.number;
import static io.gatos.sql.calcite.infoschema.InfoColumn.optionalNumber;
import static io.gatos.sql.calcite.infoschema.InfoColumn.optionalText;
import static io.gatos.sql.calcite.infoschema.InfoColumn.text;
import static io.gatos.sql.calcite.infoschema.InfoColumn.yesNo;

import io.gatos.sql.calcite.infoschema.VisibleSchemas.ColumnRef;
import io.gatos.sql.catalog.ColumnDef;
import java.util.List;
import java.util.stream.Stream;

/**
 * Presents {@code information_schema.columns}: one row per column of every table the statement
 * sees, with PostgreSQL's columns and type spellings ({@link PostgresType}), plus
 * {@code catalog_type} (the catalog's logical type, such as {@code JSON} for a VARCHAR holding JSON)
 * and {@code description} (the catalog's description), both null outside the ledger's schema.
 * Columns have no defaults, identities or generated values, and none is updatable.
 */
final class ColumnsTable extends InfoTable<ColumnsTable.Row> {
    private static final List<InfoColumn<Row>> COLUMNS = List.of(
            text("table_catalog", r -> InformationSchema.CATALOG),
            text("table_schema", r -> r.column().table().schema()),
            text("table_name", r -> r.column().table().name()),
            text("column_name", r -> r.column().name()),
            number("ordinal_position", r -> r.column().ordinal()),
            absent("column_default"),
            text("is_nullable", r -> yesNo(r.column().type().isNullable())),
            text("data_type", r -> r.type().dataType()),
            optionalNumber("character_maximum_length", r -> r.type().characterMaximumLength()),
            optionalNumber("numeric_precision", r -> r.type().numericPrecision()),
            optionalNumber("numeric_precision_radix", r -> r.type().numericPrecisionRadix()),
            optionalNumber("numeric_scale", r -> r.type().numericScale()),
            optionalNumber("datetime_precision", r -> r.type().datetimePrecision()),
            text("udt_name", r -> r.type().udtName()),
            text("is_identity", r -> "NO"),
            text("is_generated", r -> "NEVER"),
            text("is_updatable", r -> "NO"),
            optionalText("catalog_type", r -> r.definition() == null ? null : r.definition().type().name()),
            optionalText("description", r -> r.definition() == null ? null : r.definition().description()));

    ColumnsTable() {
        super("One row per column of every table or view the connection sees.", COLUMNS);
    }

    @Override
    Stream<Row> rows(VisibleSchemas visible) {
        return visible.columns().map(c -> new Row(c, PostgresType.of(c.type())));
    }

    /**
     * Pairs a column with its PostgreSQL spelling, computed once per row.
     *
     * @param column the column
     * @param type its spelling
     */
    record Row(ColumnRef column, PostgresType type) {
        ColumnDef definition() {
            return column.definition();
        }
    }
}
