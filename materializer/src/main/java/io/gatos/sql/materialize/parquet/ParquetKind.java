package io.gatos.sql.materialize.parquet;

import io.gatos.sql.catalog.ColumnType;
import java.sql.Types;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Names the value kinds a Parquet column can hold here, each with its physical and logical type
 * (TABLES.md: strings as BINARY (STRING), timestamps as INT64 TIMESTAMP(MILLIS, UTC)) and the Java
 * values it accepts. JSON is annotated STRING, not JSON: polars reads a JSON-annotated column as
 * Binary, which its string functions refuse (docs/DECISIONS.md, "Parquet every reader opens");
 * {@link ParquetSink} names the JSON columns in the footer instead.
 */
public enum ParquetKind {
    /** A UTF-8 string; takes any value (its {@code toString()}). */
    STRING,
    /** A JSON text, annotated STRING and listed in the footer's {@value ParquetSink#JSON_COLUMNS}; takes a String. */
    JSON,
    /** A 32-bit integer; takes a Number. */
    INT32,
    /** A 64-bit integer; takes a Number. */
    INT64,
    /** A double; takes a Number. */
    DOUBLE,
    /** A boolean; takes a Boolean, or a Number (0 is false). */
    BOOLEAN,
    /** Epoch milliseconds, UTC; takes a Long. */
    TIMESTAMP,
    /** Days since 1970-01-01; takes a {@link java.time.LocalDate} or a Number of days. */
    DATE;

    /** Returns the Parquet physical type. */
    public PrimitiveTypeName physical() {
        return switch (this) {
            case STRING, JSON -> PrimitiveTypeName.BINARY;
            case INT32, DATE -> PrimitiveTypeName.INT32;
            case INT64, TIMESTAMP -> PrimitiveTypeName.INT64;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
        };
    }

    /** Returns the Parquet logical type annotation, or null when the physical type says it all. */
    public LogicalTypeAnnotation logical() {
        return switch (this) {
            case STRING, JSON -> LogicalTypeAnnotation.stringType();
            case TIMESTAMP -> LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);
            case DATE -> LogicalTypeAnnotation.dateType();
            case INT32, INT64, DOUBLE, BOOLEAN -> null;
        };
    }

    /** Returns the kind of a catalog column type. */
    public static ParquetKind of(ColumnType type) {
        return switch (type) {
            case VARCHAR -> STRING;
            case JSON -> JSON;
            case INTEGER -> INT32;
            case BIGINT -> INT64;
            case BOOLEAN -> BOOLEAN;
            case TIMESTAMP -> TIMESTAMP;
        };
    }

    /**
     * Returns the kind of a JDBC result column of {@code jdbcType}: exact decimals become DOUBLE
     * (Parquet decimals need a declared precision that query results rarely carry) and every type
     * without a better match becomes STRING.
     */
    public static ParquetKind ofJdbc(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INT32;
            case Types.BIGINT -> INT64;
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            case Types.DATE -> DATE;
            default -> STRING;
        };
    }
}
