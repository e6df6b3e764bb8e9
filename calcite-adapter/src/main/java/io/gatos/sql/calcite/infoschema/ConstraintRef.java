package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.calcite.infoschema.VisibleSchemas.TableRef;
import io.gatos.sql.catalog.ForeignKeyDef;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names one key of a visible ledger table, as the catalog declares it: its primary key
 * ({@code pk_<table>}) or one of its foreign keys ({@code fk_<table>_<columns>}), which reference a
 * table of the same schema. None is enforced on the live tables.
 *
 * @param table the table that has the key
 * @param name the key's name
 * @param columns the table's key columns, in key order
 * @param references the foreign key, or null for the primary key
 */
record ConstraintRef(TableRef table, String name, List<String> columns, ForeignKeyDef references) {
    /** PostgreSQL's {@code constraint_type} of a primary key. */
    static final String PRIMARY_KEY = "PRIMARY KEY";
    /** PostgreSQL's {@code constraint_type} of a foreign key. */
    static final String FOREIGN_KEY = "FOREIGN KEY";

    /** Checks that every part but {@code references} is present and copies the columns. */
    ConstraintRef {
        requireNonNull(table, "table");
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    /** Returns the keys of {@code table}: none outside the ledger, else its primary key, then its foreign keys. */
    static Stream<ConstraintRef> of(TableRef table) {
        if (table.definition() == null) {
            return Stream.empty();
        }
        Stream<ConstraintRef> primary = table.definition().primaryKey().isEmpty() ? Stream.empty()
                : Stream.of(new ConstraintRef(table, table.definition().primaryKeyName(),
                        table.definition().primaryKey(), null));
        return Stream.concat(primary, table.definition().foreignKeys().stream()
                .map(fk -> new ConstraintRef(table, fk.name(), fk.columns(), fk)));
    }

    /** Returns {@link #PRIMARY_KEY} or {@link #FOREIGN_KEY}. */
    String type() {
        return references == null ? PRIMARY_KEY : FOREIGN_KEY;
    }
}
