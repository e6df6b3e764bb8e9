package io.gatos.sql.materialize.sqlite;

import io.gatos.sql.catalog.IndexDef;

/** Writes the SQLite statement of an index the catalog declares ({@link IndexDef}, a table's profile). */
final class SqliteIndex {
    private SqliteIndex() {
    }

    /** Returns the {@code CREATE INDEX IF NOT EXISTS} statement of {@code index}. */
    static String create(IndexDef index) {
        return "CREATE INDEX IF NOT EXISTS " + SqliteTypes.quote(index.name()) + " ON "
                + SqliteTypes.quote(index.table()) + " (" + SqliteTypes.quoteAll(index.columns()) + ")";
    }
}
