package io.gatos.sql.materialize.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the tables, columns and row filters of an export from its options and checks them
 * against the catalog, so a typo is reported before anything is read.
 *
 * @param tables the selected tables in catalog order
 * @param filters per table name, the row filter (absent: every row)
 */
public record ExportPlan(List<TableSelection> tables, Map<String, RowFilter> filters) {
    /** Copies the parts. */
    public ExportPlan {
        tables = List.copyOf(tables);
        filters = Map.copyOf(filters);
    }

    /** Builds the plan of {@code options}; throws {@code BAD_OPTION} naming the offending value. */
    public static ExportPlan of(ExportOptions options) {
        Set<String> wanted = new LinkedHashSet<>(options.tables());
        for (String name : wanted) {
            if (Catalog.get().table(name).isEmpty()) {
                throw bad("--tables names '" + name + "', which is not a table; choose from " + names());
            }
        }
        checkKeys(options.columns().keySet(), wanted, "--columns");
        checkKeys(options.where().keySet(), wanted, "--where");
        List<TableSelection> out = new ArrayList<>();
        Map<String, RowFilter> filters = new TreeMap<>();
        for (TableDef def : Catalog.get().tables()) {
            if (!wanted.isEmpty() && !wanted.contains(def.name())) {
                continue;
            }
            JsonNode where = options.where().get(def.name());
            if (where != null) {
                filters.put(def.name(), RowFilter.parse(def, where));
            }
            boolean complete = where == null && options.since() == null;
            out.add(new TableSelection(def, columns(def, options.columns().get(def.name())), complete));
        }
        return new ExportPlan(out, filters);
    }

    private static List<String> columns(TableDef def, List<String> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return def.columnNames();
        }
        for (String c : chosen) {
            if (!def.columnNames().contains(c)) {
                throw bad("--columns names '" + def.name() + ":" + c + "', but " + def.name() + " has the columns "
                        + def.columnNames());
            }
        }
        List<String> out = new ArrayList<>();
        for (String c : def.columnNames()) {
            if (chosen.contains(c) || def.primaryKey().contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static void checkKeys(Set<String> keys, Set<String> wanted, String option) {
        for (String table : keys) {
            if (Catalog.get().table(table).isEmpty()) {
                throw bad(option + " names table '" + table + "', which does not exist; choose from " + names());
            }
            if (!wanted.isEmpty() && !wanted.contains(table)) {
                throw bad(option + " names table '" + table + "', which --tables does not export");
            }
        }
    }

    private static List<String> names() {
        return Catalog.get().tables().stream().map(TableDef::name).toList();
    }

    private static MaterializeException bad(String message) {
        return new MaterializeException(MaterializeException.Code.BAD_OPTION, message);
    }

    /** Returns the selection of {@code table}, or null when it is not exported. */
    public TableSelection table(String table) {
        return tables.stream().filter(t -> t.def().name().equals(table)).findFirst().orElse(null);
    }

    /** Returns the filter of {@code table} as JSON for the manifest, or null when it has none. */
    public JsonNode filterJson(String table) {
        RowFilter f = filters.get(table);
        return f == null ? null : f.json();
    }
}
