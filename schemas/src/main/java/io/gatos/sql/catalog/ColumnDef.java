package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Describes one catalog column: its name, logical type, nullability, the description that JDBC
 * metadata reports as its remarks, and the closed set of values it may hold (empty when the set is
 * open).
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String description, List<String> values) {
    /** Checks that every component is present and copies the values. */
    public ColumnDef {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
        values = List.copyOf(values);
        if (!values.isEmpty() && type != ColumnType.VARCHAR) {
            throw new IllegalArgumentException("column " + name + ": only VARCHAR columns may list values");
        }
    }

    /** Returns whether the column holds one of a closed set of values. */
    public boolean enumerated() {
        return !values.isEmpty();
    }
}
