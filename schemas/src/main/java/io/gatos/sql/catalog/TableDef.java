package io.gatos.sql.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Describes one catalog table: its columns in order, its primary key (empty when it has none), the
 * foreign keys it declares (empty when none), its description and its {@link TableProfile} (how
 * exports refresh, partition and index it). Every catalog table has a complete profile
 * ({@link Catalog#checkFacts}); a table described outside the catalog (an export's own
 * {@code export_info}, a query's result) has none: {@code profile} is null.
 */
public record TableDef(String name, String description, List<ColumnDef> columns, List<String> primaryKey,
        List<ForeignKeyDef> foreignKeys, TableProfile profile) {
    /** Copies the lists and checks that every key column exists and every foreign key is this table's. */
    public TableDef {
        requireNonNull(name, "name");
        requireNonNull(description, "description");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        for (String key : primaryKey) {
            requireColumn(name, columns, key, "key column");
        }
        for (ForeignKeyDef fk : foreignKeys) {
            if (!fk.table().equals(name)) {
                throw new IllegalArgumentException("table " + name + " declares a foreign key of " + fk.table());
            }
            for (String column : fk.columns()) {
                requireColumn(name, columns, column, "foreign key column");
            }
        }
    }

    /** Describes a table outside the catalog: without a profile. */
    public TableDef(String name, String description, List<ColumnDef> columns, List<String> primaryKey,
            List<ForeignKeyDef> foreignKeys) {
        this(name, description, columns, primaryKey, foreignKeys, null);
    }

    /** Describes a table outside the catalog without foreign keys. */
    public TableDef(String name, String description, List<ColumnDef> columns, List<String> primaryKey) {
        this(name, description, columns, primaryKey, List.of());
    }

    /** Returns the name JDBC metadata gives the primary key of table {@code table}: {@code pk_<table>}. */
    public static String primaryKeyName(String table) {
        return "pk_" + table;
    }

    /** Returns the name of this table's primary key ({@link #primaryKeyName(String)}). */
    public String primaryKeyName() {
        return primaryKeyName(name);
    }

    private static void requireColumn(String table, List<ColumnDef> columns, String column, String role) {
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            throw new IllegalArgumentException("table " + table + ": " + role + " " + column + " is not a column");
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
