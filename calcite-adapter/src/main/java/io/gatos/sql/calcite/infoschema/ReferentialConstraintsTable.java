package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.text;

import java.util.List;
import java.util.stream.Stream;

/**
 * Presents {@code information_schema.referential_constraints}: one row per foreign key in
 * {@code table_constraints}, naming the primary key it references (of a table in the same schema),
 * with PostgreSQL's columns. The ledger is read-only, so nothing cascades: both rules are
 * {@code NO ACTION}.
 */
final class ReferentialConstraintsTable extends InfoTable<ConstraintRef> {
    private static final List<InfoColumn<ConstraintRef>> COLUMNS = List.of(
            text("constraint_catalog", k -> InformationSchema.CATALOG),
            text("constraint_schema", k -> k.table().schema()),
            text("constraint_name", ConstraintRef::name),
            text("unique_constraint_catalog", k -> InformationSchema.CATALOG),
            text("unique_constraint_schema", k -> k.table().schema()),
            text("unique_constraint_name", k -> k.references().refKeyName()),
            text("match_option", k -> "NONE"),
            text("update_rule", k -> "NO ACTION"),
            text("delete_rule", k -> "NO ACTION"));

    ReferentialConstraintsTable() {
        super("One row per foreign key in table_constraints, with the primary key it references.", COLUMNS);
    }

    @Override
    Stream<ConstraintRef> rows(VisibleSchemas visible) {
        return visible.tables().flatMap(ConstraintRef::of).filter(k -> k.references() != null);
    }
}
