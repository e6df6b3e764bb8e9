package io.gatos.sql.jdbc;

import io.gatos.sql.calcite.dialect.ColumnSizes;
import io.gatos.sql.calcite.dialect.GatosTypeSystem;
import java.sql.Types;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Fills the size columns of {@link java.sql.DatabaseMetaData#getColumns} so that they agree with
 * {@link java.sql.ResultSetMetaData#getPrecision} and {@code getScale} for the same column, where
 * Calcite leaves -1 (text of no declared length, and every type without a declared precision such as
 * {@code BIGINT}). Stateless.
 */
final class JdbcColumnSize {
    private JdbcColumnSize() {
    }

    /**
     * Returns {@code COLUMN_SIZE} for a column of {@code jdbcType} ({@link Types}) that Calcite sizes
     * as {@code reported} (null or negative when it gives none): {@link GatosTypeSystem#UNBOUNDED} for
     * text of no length, the type's default precision for other types of none (19 for
     * {@code BIGINT}), {@code reported} otherwise; null when the type has no size at all.
     */
    static Integer of(int jdbcType, Integer reported) {
        int size = reported == null ? -1 : reported;
        if (size >= 0) {
            return ColumnSizes.precision(jdbcType, size);
        }
        SqlTypeName name = SqlTypeName.getNameForJdbcType(jdbcType);
        int precision = name == null ? -1 : GatosTypeSystem.INSTANCE.getDefaultPrecision(name);
        int sized = ColumnSizes.precision(jdbcType, precision);
        return sized < 0 ? null : sized;
    }

    /** Returns {@code DECIMAL_DIGITS}: 0 for integer types, as {@code getScale} reports, else {@code reported}. */
    static Integer decimalDigits(int jdbcType, Integer reported) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 0;
            default -> reported;
        };
    }

    /** Returns {@code CHAR_OCTET_LENGTH}: the size of a text or binary column, null for other types. */
    static Integer charOctetLength(int jdbcType, Integer size) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> size;
            default -> null;
        };
    }
}
