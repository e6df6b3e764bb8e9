package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

/**
 * Describes one catalog column: its name, logical type, nullability and the description that JDBC
 * metadata reports as its remarks.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String description) {
    /** Checks that every component is present. */
    public ColumnDef {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(description, "description");
    }
}
