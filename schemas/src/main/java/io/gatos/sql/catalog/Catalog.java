package io.gatos.sql.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the SQL catalog (every table, column, type, key, relation, description and
 * {@link TableProfile} of gatos-sql) from the bundled {@code catalog.json}, the one place where
 * columns, the relations between tables and the per-table facts of exports are declared; refuses a
 * table that lacks any of its facts ({@link #checkFacts}). Immutable and shared; {@link #get()}
 * parses the resource once per JVM.
 */
public final class Catalog {
    /** Name of the SQL schema that holds every table. */
    public static final String SCHEMA = "gatos";
    private static final String RESOURCE = "catalog.json";
    private static volatile Catalog instance;

    private final int version;
    private final Map<String, TableDef> tables;
    private final List<TableDef> ordered;
    private final List<ForeignKeyDef> foreignKeys;

    private Catalog(int version, Map<String, TableDef> tables) {
        this.version = version;
        this.tables = Map.copyOf(tables);
        this.ordered = List.copyOf(tables.values());
        this.foreignKeys = ordered.stream().flatMap(t -> t.foreignKeys().stream()).toList();
        ordered.forEach(t -> checkFacts(t, this.tables.keySet()));
        foreignKeys.forEach(this::checkTarget);
    }

    /** Returns the catalog bundled with this build. */
    public static Catalog get() {
        Catalog local = instance;
        if (local == null) {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("catalog resource missing: " + RESOURCE);
                }
                local = parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled catalog", e);
            }
            instance = local;
        }
        return local;
    }

    static Catalog parse(JsonNode root) {
        Map<String, TableDef> tables = new LinkedHashMap<>();
        for (JsonNode t : root.path("tables")) {
            List<ColumnDef> columns = new ArrayList<>();
            for (JsonNode c : t.path("columns")) {
                columns.add(column(c));
            }
            String name = t.path("name").asText();
            List<ForeignKeyDef> foreignKeys = new ArrayList<>();
            t.path("foreignKeys").forEach(fk -> foreignKeys.add(new ForeignKeyDef(name, texts(fk.path("columns")),
                    fk.path("references").path("table").asText(), texts(fk.path("references").path("columns")))));
            TableDef def = new TableDef(name, t.path("description").asText(), columns, texts(t.path("primaryKey")),
                    foreignKeys, t.has("profile") ? ProfileJson.parse(name, t.path("profile")) : null);
            if (tables.put(def.name(), def) != null) {
                throw new IllegalStateException("catalog declares table " + def.name() + " twice");
            }
        }
        return new Catalog(root.path("catalogVersion").asInt(), tables);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    /**
     * Fails unless {@code table} declares every fact a catalog table has: a profile with its refresh
     * kind, at least one plane, its partitioning (by a column of the table, a non-null one for
     * {@link PartitionDef.By#VALUE}, a TIMESTAMP for {@link PartitionDef.By#UTC_DAY}; or none) and
     * its indexes (an empty list for none, each on columns of the table, none twice), and foreign
     * keys only to tables among {@code tableNames}. The catalog checks every table when it loads.
     *
     * @throws IllegalStateException naming the table and the missing or wrong fact
     */
    static void checkFacts(TableDef table, Set<String> tableNames) {
        TableProfile profile = table.profile();
        if (profile == null) {
            throw lacks(table, "its profile (refresh, dependsOn, partitioning, indexes)");
        }
        if (profile.refresh() == null) {
            throw lacks(table, "its refresh kind (append-only or rewritten)");
        }
        if (profile.planes() == null || profile.planes().isEmpty()) {
            throw lacks(table, "the planes it depends on (dependsOn: a list of planes, or any)");
        }
        if (profile.partitioning() == null) {
            throw lacks(table, "its partitioning (none when it is not partitioned)");
        }
        checkPartitioning(table, profile.partitioning());
        if (profile.indexes() == null) {
            throw lacks(table, "its indexes (an empty list when it has none)");
        }
        checkIndexes(table, profile.indexes());
        for (ForeignKeyDef fk : table.foreignKeys()) {
            if (!tableNames.contains(fk.refTable())) {
                throw new IllegalStateException("catalog: foreign key " + fk.name() + " references " + fk.refTable()
                        + ", which is not a catalog table");
            }
        }
    }

    private static void checkPartitioning(TableDef table, PartitionDef partitioning) {
        if (!partitioning.partitioned()) {
            return;
        }
        ColumnDef column = table.column(partitioning.column()).orElseThrow(() -> new IllegalStateException(
                "catalog: table " + table.name() + " partitions by " + partitioning + ", which is not a column"));
        boolean fits = partitioning.by() == PartitionDef.By.UTC_DAY ? column.type() == ColumnType.TIMESTAMP
                : !column.nullable();
        if (!fits) {
            throw new IllegalStateException("catalog: table " + table.name() + " partitions by " + partitioning
                    + ": utc-day needs a TIMESTAMP column, value a NOT NULL one");
        }
    }

    private static void checkIndexes(TableDef table, List<IndexDef> indexes) {
        Set<String> names = new HashSet<>();
        for (IndexDef index : indexes) {
            String problem = !index.table().equals(table.name()) ? "is an index of table " + index.table()
                    : !table.columnNames().containsAll(index.columns()) ? "names a column the table lacks"
                    : !names.add(index.name()) ? "is declared twice" : null;
            if (problem != null) {
                throw new IllegalStateException("catalog: table " + table.name() + ": index " + index.name()
                        + " on " + index.columns() + " " + problem);
            }
        }
    }

    private static IllegalStateException lacks(TableDef table, String fact) {
        return new IllegalStateException("catalog: table " + table.name() + " does not declare " + fact);
    }

    /** Fails unless {@code fk} references the whole primary key of a catalog table, in key order, type by type. */
    private void checkTarget(ForeignKeyDef fk) {
        TableDef target = tables.get(fk.refTable());
        if (target == null || !target.primaryKey().equals(fk.refColumns())) {
            throw new IllegalStateException("catalog: foreign key " + fk.name() + " references " + fk.refTable()
                    + fk.refColumns() + ", which is not the primary key of a catalog table");
        }
        TableDef source = tables.get(fk.table());
        for (int i = 0; i < fk.columns().size(); i++) {
            ColumnType from = source.column(fk.columns().get(i)).orElseThrow().type();
            ColumnType to = target.column(fk.refColumns().get(i)).orElseThrow().type();
            if (from != to) {
                throw new IllegalStateException("catalog: foreign key " + fk.name() + " joins " + from + " column "
                        + fk.columns().get(i) + " to " + to + " column " + fk.refColumns().get(i));
            }
        }
    }

    private static ColumnDef column(JsonNode c) {
        List<String> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(v.asText()));
        return new ColumnDef(c.path("name").asText(), ColumnType.valueOf(c.path("type").asText()),
                c.path("nullable").asBoolean(), c.path("description").asText(), values);
    }

    /** Returns the catalog version; it changes whenever a column is renamed or dropped. */
    public int version() {
        return version;
    }

    /** Returns every table in catalog order. */
    public List<TableDef> tables() {
        return ordered;
    }

    /** Returns every foreign key, in catalog order of the referencing tables, then in declared order. */
    public List<ForeignKeyDef> foreignKeys() {
        return foreignKeys;
    }

    /** Returns the table named {@code name}, if any. */
    public Optional<TableDef> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Returns the table named {@code name}, failing when the catalog has no such table. */
    public TableDef require(String name) {
        TableDef def = tables.get(name);
        if (def == null) {
            throw new IllegalArgumentException("the catalog has no table " + name);
        }
        return def;
    }
}
