package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Declares one relation of the catalog: the values of {@code columns} of {@code table} are values of
 * the primary key {@code refColumns} of {@code refTable}, column by column. JDBC metadata reports it
 * ({@code getImportedKeys} and its kin) and the SQLite export writes it as {@code REFERENCES}.
 *
 * @param table the referencing table
 * @param columns its columns, in the order of the key they reference
 * @param refTable the referenced table
 * @param refColumns the referenced table's primary key, in key order
 */
public record ForeignKeyDef(String table, List<String> columns, String refTable, List<String> refColumns) {
    /** Checks that every name is present and that both sides have the same number of columns. */
    public ForeignKeyDef {
        requireNonNull(table, "table");
        requireNonNull(refTable, "refTable");
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        if (columns.isEmpty() || columns.size() != refColumns.size()) {
            throw new IllegalArgumentException("foreign key of " + table + " to " + refTable + ": " + columns
                    + " and " + refColumns + " must name as many columns, at least one");
        }
    }

    /** Returns the key's name, {@code fk_<table>_<columns joined by _>}: unique in the catalog. */
    public String name() {
        return "fk_" + table + "_" + String.join("_", columns);
    }

    /** Returns the name of the primary key it references, as {@link TableDef#primaryKeyName()} spells it. */
    public String refKeyName() {
        return TableDef.primaryKeyName(refTable);
    }
}
