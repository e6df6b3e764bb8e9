package io.gatos.sql.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the SQL catalog (every table, column, type, key, relation and description of gatos-sql) from
 * the bundled {@code catalog.json}, the one place where columns and the relations between tables are
 * declared. Immutable and shared; {@link #get()} parses the resource once per JVM.
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
                    foreignKeys);
            if (tables.put(def.name(), def) != null) {
                throw new IllegalStateException("catalog declares table " + def.name() + " twice");
            }
        }
        return new Catalog(root.path("catalogVersion").asInt(), tables);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
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
