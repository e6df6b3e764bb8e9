package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.MetaRows.small;
import static io.gatos.sql.jdbc.MetaRows.text;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ForeignKeyDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.jdbc.MetaRows.Column;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the catalog's keys as {@link DatabaseMetaData} reports them: primary keys
 * ({@code getPrimaryKeys}) and the relations between tables ({@code getImportedKeys},
 * {@code getExportedKeys}, {@code getCrossReference}), with exactly the columns, types and row order
 * their Javadoc prescribes. A relation is never enforced (the ledger is read-only), so its update and
 * delete rules are {@code importedKeyNoAction} and it is {@code importedKeyNotDeferrable}. Pure.
 */
final class CatalogKeys {
    /** The columns of {@code getPrimaryKeys}. */
    static final List<Column> PRIMARY_KEY_COLUMNS = List.of(text("TABLE_CAT"), text("TABLE_SCHEM"),
            text("TABLE_NAME"), text("COLUMN_NAME"), small("KEY_SEQ"), text("PK_NAME"));
    /** The columns of {@code getImportedKeys}, {@code getExportedKeys} and {@code getCrossReference}. */
    static final List<Column> FOREIGN_KEY_COLUMNS = List.of(text("PKTABLE_CAT"), text("PKTABLE_SCHEM"),
            text("PKTABLE_NAME"), text("PKCOLUMN_NAME"), text("FKTABLE_CAT"), text("FKTABLE_SCHEM"),
            text("FKTABLE_NAME"), text("FKCOLUMN_NAME"), small("KEY_SEQ"), small("UPDATE_RULE"),
            small("DELETE_RULE"), text("FK_NAME"), text("PK_NAME"), small("DEFERRABILITY"));

    private CatalogKeys() {
    }

    /** Selects tables by schema and table name arguments of a metadata call (exact names, not patterns). */
    record Tables(NamePattern schema, NamePattern table) {
        /** Selects every table. */
        static final Tables ANY = named(null, null, true);

        /** Selects by {@code schema} and {@code table}, either null for any. */
        static Tables named(String schema, String table, boolean caseSensitive) {
            return new Tables(NamePattern.exact(schema, caseSensitive), NamePattern.exact(table, caseSensitive));
        }

        boolean has(String tableName) {
            return schema.matches(Catalog.SCHEMA) && table.matches(tableName);
        }
    }

    /** Returns the rows of {@code getPrimaryKeys}, ordered by table then column name. */
    static List<List<Object>> primaryKeys(Tables tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            if (!tables.has(def.name())) {
                continue;
            }
            for (int i = 0; i < def.primaryKey().size(); i++) {
                rows.add(Arrays.asList(null, Catalog.SCHEMA, def.name(), def.primaryKey().get(i), i + 1,
                        def.primaryKeyName()));
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> (String) r.get(2)).thenComparing(r -> (String) r.get(3)));
        return rows;
    }

    /** Returns the rows of {@code getImportedKeys}: the keys {@code foreign} references, by referenced table. */
    static List<List<Object>> importedKeys(Tables foreign) {
        return foreignKeys(Tables.ANY, foreign, 2);
    }

    /** Returns the rows of {@code getExportedKeys}: the relations referencing {@code primary}, by referencing table. */
    static List<List<Object>> exportedKeys(Tables primary) {
        return foreignKeys(primary, Tables.ANY, 6);
    }

    /** Returns the rows of {@code getCrossReference}: the relations of {@code foreign} to {@code primary}. */
    static List<List<Object>> crossReference(Tables primary, Tables foreign) {
        return foreignKeys(primary, foreign, 6);
    }

    /**
     * Returns one row per column of each relation from a table of {@code foreign} to one of
     * {@code primary}, ordered by the table name at {@code orderColumn} (JDBC orders by the
     * catalog and schema first, which are the same for every row), then the key's position, then
     * the key's name (two relations between the same tables come apart).
     */
    private static List<List<Object>> foreignKeys(Tables primary, Tables foreign, int orderColumn) {
        List<List<Object>> rows = new ArrayList<>();
        for (ForeignKeyDef fk : Catalog.get().foreignKeys()) {
            if (!primary.has(fk.refTable()) || !foreign.has(fk.table())) {
                continue;
            }
            for (int i = 0; i < fk.columns().size(); i++) {
                rows.add(Arrays.asList(null, Catalog.SCHEMA, fk.refTable(), fk.refColumns().get(i),
                        null, Catalog.SCHEMA, fk.table(), fk.columns().get(i), i + 1,
                        DatabaseMetaData.importedKeyNoAction, DatabaseMetaData.importedKeyNoAction,
                        fk.name(), fk.refKeyName(), DatabaseMetaData.importedKeyNotDeferrable));
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> (String) r.get(orderColumn))
                .thenComparing(r -> (Integer) r.get(8)).thenComparing(r -> (String) r.get(11)));
        return rows;
    }
}
