package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.text;

import java.util.List;
import java.util.stream.Stream;

/**
 * Presents {@code information_schema.table_constraints}: one row per primary or foreign key of a
 * ledger table the statement sees, with PostgreSQL's columns. The catalog declares the keys; the
 * live tables do not enforce them ({@code enforced} is {@code NO}) and nothing defers them.
 */
final class TableConstraintsTable extends InfoTable<ConstraintRef> {
    private static final List<InfoColumn<ConstraintRef>> COLUMNS = List.of(
            text("constraint_catalog", k -> InformationSchema.CATALOG),
            text("constraint_schema", k -> k.table().schema()),
            text("constraint_name", ConstraintRef::name),
            text("table_catalog", k -> InformationSchema.CATALOG),
            text("table_schema", k -> k.table().schema()),
            text("table_name", k -> k.table().name()),
            text("constraint_type", ConstraintRef::type),
            text("is_deferrable", k -> "NO"),
            text("initially_deferred", k -> "NO"),
            text("enforced", k -> "NO"));

    TableConstraintsTable() {
        super("One row per primary or foreign key of a ledger table the connection sees.", COLUMNS);
    }

    @Override
    Stream<ConstraintRef> rows(VisibleSchemas visible) {
        return visible.tables().flatMap(ConstraintRef::of);
    }
}
