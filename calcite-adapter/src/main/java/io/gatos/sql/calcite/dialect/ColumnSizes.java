package io.gatos.sql.calcite.dialect;

import java.sql.Types;
import java.util.List;
import java.util.ListIterator;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * Sizes columns in JDBC metadata as generic readers (Spark, BI tools) read them, the same in
 * {@link java.sql.ResultSetMetaData} and {@link java.sql.DatabaseMetaData#getColumns}: text and
 * binary of no declared length have the length {@link GatosTypeSystem#UNBOUNDED}, as PostgreSQL's
 * driver reports for {@code text} (Calcite reports precision 0, from which Spark creates
 * {@code varchar(0)} columns); other types keep Calcite's precision, and a column's display size is
 * the width of its longest value as {@code getString} writes it. Stateless.
 */
public final class ColumnSizes {
    private ColumnSizes() {
    }

    /**
     * Returns the precision to report for a column of {@code jdbcType} ({@link Types}) whose
     * precision Calcite gives as {@code precision}: {@link GatosTypeSystem#UNBOUNDED} for text or
     * binary without a length (0 or negative), {@code precision} otherwise.
     */
    public static int precision(int jdbcType, int precision) {
        return sized(jdbcType) && precision <= 0 ? GatosTypeSystem.UNBOUNDED : precision;
    }

    /**
     * Returns the most characters a value of the column takes as {@code getString} writes it, given
     * its reported {@code precision} and {@code scale} (for a time type, the precision counts the
     * fractional digits of its seconds, as Calcite reports it); the reported {@code displaySize} for
     * types it does not know.
     */
    public static int displaySize(int jdbcType, int precision, int scale, int displaySize) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> precision(jdbcType, precision);
            case Types.DECIMAL, Types.NUMERIC -> saturated((long) precision + (scale > 0 ? 1 : 0) + 1);
            case Types.TINYINT -> 4;
            case Types.SMALLINT -> 6;
            case Types.INTEGER -> 11;
            case Types.BIGINT -> 20;
            case Types.REAL -> 15;
            case Types.FLOAT, Types.DOUBLE -> 24;
            case Types.BOOLEAN, Types.BIT -> 5;
            case Types.DATE -> 10;
            case Types.TIME -> 8 + fraction(precision);
            case Types.TIME_WITH_TIMEZONE -> 8 + fraction(precision) + 6;
            case Types.TIMESTAMP -> 19 + fraction(precision);
            case Types.TIMESTAMP_WITH_TIMEZONE -> 19 + fraction(precision) + 6;
            default -> displaySize;
        };
    }

    /**
     * Replaces, in place, each column of a prepared statement's signature whose precision or display
     * size the rules above change; costs one pass over the columns.
     *
     * @param columns a modifiable list, as Calcite's preparation builds it
     * @return {@code columns}
     */
    public static List<ColumnMetaData> complete(List<ColumnMetaData> columns) {
        for (ListIterator<ColumnMetaData> it = columns.listIterator(); it.hasNext(); ) {
            ColumnMetaData c = it.next();
            int precision = precision(c.type.id, c.precision);
            int displaySize = displaySize(c.type.id, precision, c.scale, c.displaySize);
            if (precision != c.precision || displaySize != c.displaySize) {
                it.set(new ColumnMetaData(c.ordinal, c.autoIncrement, c.caseSensitive, c.searchable, c.currency,
                        c.nullable, c.signed, displaySize, c.label, c.columnName, c.schemaName, precision, c.scale,
                        c.tableName, c.catalogName, c.type, c.readOnly, c.writable, c.definitelyWritable,
                        c.columnClassName));
            }
        }
        return columns;
    }

    private static boolean sized(int jdbcType) {
        return switch (jdbcType) {
            case Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.VARBINARY,
                    Types.LONGVARBINARY -> true;
            default -> false;
        };
    }

    private static int fraction(int digits) {
        return digits > 0 ? digits + 1 : 0;
    }

    private static int saturated(long value) {
        return (int) Math.min(value, GatosTypeSystem.UNBOUNDED);
    }
}
