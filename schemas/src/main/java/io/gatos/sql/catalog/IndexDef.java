package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Declares an index on {@code columns} of {@code table}, for the lookups and joins exports serve
 * most. The SQLite export creates those whose columns it holds; the live tables have none.
 *
 * @param table the indexed table
 * @param columns its indexed columns, in index order
 */
public record IndexDef(String table, List<String> columns) {
    /** Checks the names are present and copies the columns. */
    public IndexDef {
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index of " + table + " needs at least one column");
        }
    }

    /** Returns the index name, {@code idx_<table>_<columns joined by _>}: unique in the catalog. */
    public String name() {
        return "idx_" + table + "_" + String.join("_", columns);
    }
}
