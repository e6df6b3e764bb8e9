package io.gatos.sql.materialize.sqlite;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.ForeignKeyDef;
import io.gatos.sql.catalog.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the SQLite DDL of one export: a {@code WITHOUT ROWID} table per selected catalog table, with
 * the TABLES.md type mapping, NOT NULL, CHECKs, the catalog key (or {@link #ROW_KEY}), two audit
 * columns and the catalog's foreign keys ({@link TableDef#foreignKeys()}) to completely exported tables
 * (a single column's as a column clause, a composite one as a table constraint); then the indexes of
 * the tables' profiles ({@link io.gatos.sql.catalog.TableProfile#indexes()}) and views over what is
 * selected.
 *
 * <p>Audit columns: every table gets {@link #CREATED_TS} and {@link #UPDATED_TS} (INTEGER NOT NULL,
 * epoch ms: when the export first wrote the row and when the row last changed). When the catalog
 * table already has a column of that name, the audit column takes {@link #COLLISION_PREFIX} in front,
 * repeatedly until the name is free; the rule reads the whole catalog table, not the selection, so the
 * names never depend on what a run selects ({@code consumers} gets {@code created_ts} and
 * {@code export_updated_ts}). Every statement is idempotent ({@code IF NOT EXISTS}).
 */
public final class SqliteDdl {
    /** Name of the synthetic key column (TEXT, filled by the engine) of tables without a catalog key. */
    public static final String ROW_KEY = "row_key";
    /** Name of the audit column holding when the export first wrote the row, unless it collides. */
    public static final String CREATED_TS = "created_ts";
    /** Name of the audit column holding when the row last changed in the export, unless it collides. */
    public static final String UPDATED_TS = "updated_ts";
    /** Prefix an audit column takes when the catalog table already has a column of its name. */
    public static final String COLLISION_PREFIX = "export_";
    /** Name of the table that logs one row per export run. */
    public static final String EXPORT_INFO = ExportInfo.NAME;

    private final List<TableSelection> tables;
    private final Map<String, TableSelection> byName;

    private SqliteDdl(List<TableSelection> tables) {
        this.tables = List.copyOf(tables);
        this.byName = new LinkedHashMap<>();
        for (TableSelection table : this.tables) {
            if (byName.put(table.name(), table) != null) {
                throw new IllegalArgumentException("table " + table.name() + " is selected twice");
            }
        }
    }

    /** Returns the DDL of an export holding {@code tables}, which it orders as the catalog does. */
    public static SqliteDdl of(List<TableSelection> tables) {
        List<String> order = Catalog.get().tables().stream().map(TableDef::name).toList();
        List<TableSelection> sorted = new ArrayList<>(requireNonNull(tables, "tables"));
        sorted.sort(Comparator.comparingInt(t -> {
            int at = order.indexOf(t.name());
            return at < 0 ? order.size() : at;
        }));
        return new SqliteDdl(sorted);
    }

    /** Returns the selected tables in the order their statements come. */
    public List<TableSelection> tables() {
        return tables;
    }

    /** Returns one {@code CREATE TABLE IF NOT EXISTS} per selected table, in catalog order. */
    public List<String> createTables() {
        return tables.stream().map(this::createTable).toList();
    }

    /**
     * Returns the {@code CREATE INDEX IF NOT EXISTS} statements of the indexes the selected tables'
     * profiles declare whose columns are all selected, in catalog order.
     */
    public List<String> createIndexes() {
        return tables.stream().filter(t -> t.def().profile() != null)
                .flatMap(t -> t.def().profile().indexes().stream())
                .filter(i -> selected(i.table(), i.columns())).map(SqliteIndex::create).toList();
    }

    /** Returns the {@code CREATE VIEW IF NOT EXISTS} statements whose tables and columns are all selected. */
    public List<String> createViews() {
        return SqliteView.DECLARED.stream()
                .filter(v -> v.uses().entrySet().stream().allMatch(e -> selected(e.getKey(), e.getValue())))
                .map(SqliteView::create).toList();
    }

    /** Returns every statement in the order to run them: tables, indexes, views, then {@code export_info}. */
    public List<String> all() {
        List<String> all = new ArrayList<>(createTables());
        all.addAll(createIndexes());
        all.addAll(createViews());
        all.add(exportInfo());
        return List.copyOf(all);
    }

    /** Returns {@code CREATE TABLE IF NOT EXISTS export_info}, whose {@code run} numbers runs 1, 2, 3, .... */
    public static String exportInfo() {
        return ExportInfo.create();
    }

    /** Returns the columns of {@code export_info} in order, with their types and nullability. */
    public static TableDef exportInfoTable() {
        return ExportInfo.DEF;
    }

    /** Returns the names of the two audit columns of {@code def}: created first, updated second. */
    public static List<String> auditColumns(TableDef def) {
        return List.of(createdColumn(def), updatedColumn(def));
    }

    /** Returns the name of the audit column of {@code def} holding when the row was first written. */
    public static String createdColumn(TableDef def) {
        return free(def, CREATED_TS);
    }

    /** Returns the name of the audit column of {@code def} holding when the row last changed. */
    public static String updatedColumn(TableDef def) {
        return free(def, UPDATED_TS);
    }

    /** Returns the key columns of {@code def} in SQLite: its catalog key, or {@link #ROW_KEY} when it has none. */
    public static List<String> keyColumns(TableDef def) {
        return def.primaryKey().isEmpty() ? List.of(ROW_KEY) : def.primaryKey();
    }

    /** Returns the SQLite columns of {@code table} in order: {@link #ROW_KEY} if any, selected, then audit. */
    public static List<String> columns(TableSelection table) {
        List<String> columns = new ArrayList<>();
        if (table.def().primaryKey().isEmpty()) {
            columns.add(ROW_KEY);
        }
        columns.addAll(table.columns());
        columns.addAll(auditColumns(table.def()));
        return List.copyOf(columns);
    }

    /** Returns {@code identifier} quoted for SQLite (between double quotes, inner ones doubled). */
    public static String quote(String identifier) {
        return SqliteTypes.quote(requireNonNull(identifier, "identifier"));
    }

    /** Returns {@code identifiers} quoted for SQLite and joined by commas. */
    public static String quoteAll(List<String> identifiers) {
        return SqliteTypes.quoteAll(identifiers);
    }

    private static String free(TableDef def, String base) {
        String name = base;
        while (def.column(name).isPresent()) {
            name = COLLISION_PREFIX + name;
        }
        return name;
    }

    private String createTable(TableSelection table) {
        List<String> definitions = new ArrayList<>();
        if (table.def().primaryKey().isEmpty()) {
            definitions.add(quote(ROW_KEY) + " TEXT NOT NULL");
        }
        for (ColumnDef column : table.selected()) {
            String definition = SqliteTypes.definition(column);
            definitions.add(references(table).filter(fk -> fk.columns().equals(List.of(column.name())))
                    .findFirst().map(fk -> definition + " " + clause(fk)).orElse(definition));
        }
        for (String audit : auditColumns(table.def())) {
            definitions.add(quote(audit) + " INTEGER NOT NULL");
        }
        references(table).filter(fk -> fk.columns().size() > 1)
                .forEach(fk -> definitions.add("FOREIGN KEY (" + quoteAll(fk.columns()) + ") " + clause(fk)));
        return SqliteTypes.createTable(table.name(), definitions, keyColumns(table.def()), true);
    }

    /**
     * Returns the catalog's foreign keys of {@code table} that this export declares: those whose columns
     * are selected and whose target is selected and complete (a partial target would orphan rows).
     */
    private Stream<ForeignKeyDef> references(TableSelection table) {
        return table.def().foreignKeys().stream()
                .filter(fk -> fk.columns().stream().allMatch(table::has))
                .filter(fk -> {
                    TableSelection target = byName.get(fk.refTable());
                    return target != null && target.complete() && fk.refColumns().stream().allMatch(target::has);
                });
    }

    /** Returns {@code REFERENCES "t"("c", ...)}, checked when the export's transaction commits. */
    static String clause(ForeignKeyDef fk) {
        return "REFERENCES " + quote(fk.refTable()) + "(" + quoteAll(fk.refColumns())
                + ") DEFERRABLE INITIALLY DEFERRED";
    }

    private boolean selected(String table, List<String> columns) {
        TableSelection selection = byName.get(table);
        return selection != null && selection.columns().containsAll(columns);
    }
}
