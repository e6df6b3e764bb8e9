package io.gatos.sql.calcite.infoschema;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Spells a SQL type the way PostgreSQL's {@code information_schema.columns} does: {@code data_type}
 * ({@code character varying}, {@code bigint}, {@code timestamp without time zone}...), the short
 * {@code udt_name} ({@code varchar}, {@code int8}, {@code timestamp}...), and the length, precision
 * and scale columns (integer and floating types in bits, radix 2; {@code numeric} in digits, radix
 * 10). Types PostgreSQL lacks keep Calcite's name in lower case ({@code tinyint}, {@code map}).
 * A component is null where PostgreSQL reports null.
 *
 * @param dataType the {@code data_type} spelling
 * @param udtName the {@code udt_name} spelling
 * @param characterMaximumLength the declared length of a CHAR or VARCHAR; null when unbounded
 * @param numericPrecision the precision of a numeric type
 * @param numericPrecisionRadix 2 or 10 for numeric types
 * @param numericScale the scale of an exact numeric type
 * @param datetimePrecision the fractional-seconds precision of a date, time, timestamp or interval
 */
record PostgresType(String dataType, String udtName, Integer characterMaximumLength, Integer numericPrecision,
        Integer numericPrecisionRadix, Integer numericScale, Integer datetimePrecision) {
    /** Checks that the names are present. */
    PostgresType {
        requireNonNull(dataType, "dataType");
        requireNonNull(udtName, "udtName");
    }

    /** Returns PostgreSQL's spelling of {@code type}. */
    static PostgresType of(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName() == null ? SqlTypeName.OTHER : type.getSqlTypeName();
        if (SqlTypeUtil.isInterval(type)) {
            return timed("interval", "interval", type.getScale());
        }
        return switch (name) {
            case CHAR -> text("character", "bpchar", type);
            case VARCHAR -> text("character varying", "varchar", type);
            case BOOLEAN -> named("boolean", "bool");
            case TINYINT, UTINYINT -> binary(lower(name), lower(name), 8, 0);
            case SMALLINT -> binary("smallint", "int2", 16, 0);
            case USMALLINT -> binary(lower(name), lower(name), 16, 0);
            case INTEGER -> binary("integer", "int4", 32, 0);
            case UINTEGER -> binary(lower(name), lower(name), 32, 0);
            case BIGINT -> binary("bigint", "int8", 64, 0);
            case UBIGINT -> binary(lower(name), lower(name), 64, 0);
            case REAL -> binary("real", "float4", 24, null);
            case FLOAT, DOUBLE -> binary("double precision", "float8", 53, null);
            case DECIMAL -> new PostgresType("numeric", "numeric", null, specified(type.getPrecision()), 10,
                    specified(type.getScale()), null);
            case DATE -> timed("date", "date", 0);
            case TIME -> timed("time without time zone", "time", type.getPrecision());
            case TIME_WITH_LOCAL_TIME_ZONE, TIME_TZ -> timed("time with time zone", "timetz", type.getPrecision());
            case TIMESTAMP -> timed("timestamp without time zone", "timestamp", type.getPrecision());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ ->
                    timed("timestamp with time zone", "timestamptz", type.getPrecision());
            case BINARY, VARBINARY -> named("bytea", "bytea");
            case ARRAY -> named("ARRAY", "_" + (type.getComponentType() == null ? "unknown"
                    : of(type.getComponentType()).udtName()));
            default -> named(lower(name), lower(name));
        };
    }

    private static PostgresType text(String dataType, String udtName, RelDataType type) {
        return new PostgresType(dataType, udtName, specified(type.getPrecision()), null, null, null, null);
    }

    private static PostgresType binary(String dataType, String udtName, int bits, Integer scale) {
        return new PostgresType(dataType, udtName, null, bits, 2, scale, null);
    }

    private static PostgresType timed(String dataType, String udtName, int precision) {
        return new PostgresType(dataType, udtName, null, null, null, null, specified(precision));
    }

    private static PostgresType named(String dataType, String udtName) {
        return new PostgresType(dataType, udtName, null, null, null, null, null);
    }

    private static Integer specified(int value) {
        return value == RelDataType.PRECISION_NOT_SPECIFIED || value == RelDataType.SCALE_NOT_SPECIFIED ? null : value;
    }

    private static String lower(SqlTypeName name) {
        return name.getName().toLowerCase(Locale.ROOT);
    }
}
