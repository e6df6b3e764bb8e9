package io.gatos.sql.calcite.infoschema;

import static io.gatos.sql.calcite.infoschema.InfoColumn.number;
import static io.gatos.sql.calcite.infoschema.InfoColumn.optionalNumber;
import static io.gatos.sql.calcite.infoschema.InfoColumn.text;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Presents {@code information_schema.key_column_usage}: one row per column of each key in
 * {@code table_constraints}, with PostgreSQL's columns; {@code position_in_unique_constraint} is,
 * for a foreign key's column, the position of the primary key column it references.
 */
final class KeyColumnUsageTable extends InfoTable<KeyColumnUsageTable.Row> {
    private static final List<InfoColumn<Row>> COLUMNS = List.of(
            text("constraint_catalog", r -> InformationSchema.CATALOG),
            text("constraint_schema", r -> r.key().table().schema()),
            text("constraint_name", r -> r.key().name()),
            text("table_catalog", r -> InformationSchema.CATALOG),
            text("table_schema", r -> r.key().table().schema()),
            text("table_name", r -> r.key().table().name()),
            text("column_name", r -> r.key().columns().get(r.position() - 1)),
            number("ordinal_position", Row::position),
            optionalNumber("position_in_unique_constraint", r -> r.key().references() == null ? null : r.position()));

    KeyColumnUsageTable() {
        super("One row per column of each primary or foreign key in table_constraints.", COLUMNS);
    }

    @Override
    Stream<Row> rows(VisibleSchemas visible) {
        return visible.tables().flatMap(ConstraintRef::of)
                .flatMap(k -> IntStream.rangeClosed(1, k.columns().size()).mapToObj(i -> new Row(k, i)));
    }

    /**
     * Names one column of a key.
     *
     * @param key the key
     * @param position the column's 1-based position in the key
     */
    record Row(ConstraintRef key, int position) {
    }
}
