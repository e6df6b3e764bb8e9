package io.gatos.sql.catalog;

import java.sql.Types;

/** Names the logical column types of the catalog and maps each to its SQL and JDBC type. */
public enum ColumnType {
    VARCHAR,
    /** A VARCHAR holding compact JSON with sorted object keys. */
    JSON,
    INTEGER,
    BIGINT,
    BOOLEAN,
    /** A UTC timestamp with millisecond precision. */
    TIMESTAMP;

    /** Returns the SQL type name as Calcite and JDBC metadata report it. */
    public String sqlTypeName() {
        return switch (this) {
            case VARCHAR, JSON -> "VARCHAR";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** Returns the {@link java.sql.Types} constant of this type. */
    public int jdbcType() {
        return switch (this) {
            case VARCHAR, JSON -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case BOOLEAN -> Types.BOOLEAN;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }
}
