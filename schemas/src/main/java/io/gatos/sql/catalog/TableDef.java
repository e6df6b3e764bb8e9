package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Describes one catalog table: its columns in order, its primary key (empty when it has none) and
 * its description.
 */
public record TableDef(String name, String description, List<ColumnDef> columns, List<String> primaryKey) {
    /** Copies the lists and checks that every key column exists. */
    public TableDef {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        for (String key : primaryKey) {
            if (columns.stream().noneMatch(c -> c.name().equals(key))) {
                throw new IllegalArgumentException("table " + name + ": key column " + key + " is not a column");
            }
        }
    }

    /** Returns the column named {@code name}, if any. */
    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Returns the 0-based index of the column named {@code name}. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + columnName);
    }

    /** Returns the column names in order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }
}
