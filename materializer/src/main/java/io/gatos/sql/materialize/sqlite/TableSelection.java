package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses what an export holds of one catalog table: the columns it writes (in catalog order, always
 * including the primary key) and whether it holds every row of the table ({@code complete}: no row
 * filter and no {@code --since}), which lets other tables declare foreign keys to it.
 */
public record TableSelection(TableDef def, List<String> columns, boolean complete) {
    /** Checks the columns exist, are distinct and include the key, and puts them in catalog order. */
    public TableSelection {
        requireNonNull(def, "def");
        requireNonNull(columns, "columns");
        Set<String> chosen = new HashSet<>();
        for (String column : columns) {
            if (def.column(requireNonNull(column, "column")).isEmpty()) {
                throw new IllegalArgumentException("table " + def.name() + " has no column " + column);
            }
            if (!chosen.add(column)) {
                throw new IllegalArgumentException("table " + def.name() + ": column " + column + " is selected twice");
            }
        }
        for (String key : def.primaryKey()) {
            if (!chosen.contains(key)) {
                throw new IllegalArgumentException("table " + def.name() + ": the selection lacks key column " + key);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("table " + def.name() + ": the selection holds no column");
        }
        columns = def.columnNames().stream().filter(chosen::contains).toList();
    }

    /** Returns a selection of every column and every row of {@code def}. */
    public static TableSelection all(TableDef def) {
        return new TableSelection(def, def.columnNames(), true);
    }

    /** Returns the name of the table. */
    public String name() {
        return def.name();
    }

    /** Returns whether {@code column} is selected. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /** Returns the definitions of the selected columns in catalog order. */
    public List<ColumnDef> selected() {
        return columns.stream().map(c -> def.column(c).orElseThrow()).toList();
    }
}
