package io.gatos.sql.materialize.sqlite;

import io.gatos.sql.catalog.ColumnDef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders catalog columns as SQLite column definitions (TABLES.md, type mapping) and SQLite
 * identifiers and literals.
 */
final class SqliteTypes {
    /**
     * Declared type of JSON columns. It starts with {@code JSON} (tools that read the first word of
     * the declared type see JSON) and contains {@code TEXT}, which gives the column TEXT affinity: a
     * bare {@code JSON} has NUMERIC affinity, under which SQLite rewrites a top-level JSON number
     * ({@code 1.50} becomes {@code 1.5}, a 20-digit integer becomes a double).
     */
    static final String JSON = "JSON TEXT";

    private SqliteTypes() {
    }

    /** Returns {@code identifier} between double quotes, doubling any double quote inside. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Returns {@code value} as an SQL string literal. */
    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /** Returns the quoted names joined by commas. */
    static String quoteAll(List<String> identifiers) {
        return identifiers.stream().map(SqliteTypes::quote).collect(Collectors.joining(", "));
    }

    /** Returns the SQLite declared type of {@code column}. */
    static String declaredType(ColumnDef column) {
        return switch (column.type()) {
            case VARCHAR -> "TEXT";
            case JSON -> JSON;
            case INTEGER, BIGINT, BOOLEAN, TIMESTAMP -> "INTEGER";
        };
    }

    /** Returns {@code "name" TYPE [NOT NULL] [CHECK (...)]} for {@code column}. */
    static String definition(ColumnDef column) {
        String name = quote(column.name());
        StringBuilder sql = new StringBuilder(name).append(' ').append(declaredType(column));
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        switch (column.type()) {
            // json_valid(NULL) is 0 before SQLite 3.45 (NULL after): a nullable column says so itself,
            // or the file fails integrity_check on the sqlite3 of Debian 12 and Ubuntu 22.04/24.04
            case JSON -> sql.append(column.nullable() ? " CHECK (" + name + " IS NULL OR json_valid(" + name + "))"
                    : " CHECK (json_valid(" + name + "))");
            case BOOLEAN -> sql.append(" CHECK (").append(name).append(" IN (0, 1))");
            default -> {
            }
        }
        if (column.enumerated()) {
            sql.append(" CHECK (").append(name).append(" IN (")
                    .append(column.values().stream().map(SqliteTypes::literal).collect(Collectors.joining(", ")))
                    .append("))");
        }
        return sql.toString();
    }

    /** Returns {@code CREATE TABLE IF NOT EXISTS} of {@code table} with the given column definitions and key. */
    static String createTable(String table, List<String> definitions, List<String> key, boolean withoutRowid) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quote(table)).append(" (\n");
        for (String definition : definitions) {
            sql.append("  ").append(definition).append(",\n");
        }
        sql.append("  PRIMARY KEY (").append(quoteAll(key)).append(")\n)");
        return withoutRowid ? sql.append(" WITHOUT ROWID").toString() : sql.toString();
    }
}
