package io.gatos.sql.materialize.sqlite;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Converts result values to what SQLite stores: integers as longs, booleans as 0/1, timestamps as
 * epoch milliseconds UTC, decimals as their exact text (NUMERIC affinity keeps them exact), the rest
 * as text. Shared by exports and query materializations so both write a value the same way.
 */
public final class SqliteValues {
    private SqliteValues() {
    }

    /** Returns the SQLite type a result column of {@code jdbcType} is declared with. */
    public static String sqliteType(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.BOOLEAN, Types.TIMESTAMP,
                    Types.TIMESTAMP_WITH_TIMEZONE -> "INTEGER";
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> "REAL";
            case Types.DECIMAL, Types.NUMERIC -> "NUMERIC";
            default -> "TEXT";
        };
    }

    /** Returns a calendar in UTC, for reading timestamps; not thread-safe, so one per reader. */
    public static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    /** Reads column {@code i} of {@code rs}, of JDBC type {@code jdbcType}, as SQLite stores it (null stays null). */
    public static Object read(ResultSet rs, int i, int jdbcType, Calendar utc) throws SQLException {
        Object out = switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.BOOLEAN -> rs.getBoolean(i) ? 1L : 0L;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp ts = rs.getTimestamp(i, utc);
                yield ts == null ? null : ts.getTime();
            }
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> rs.getDouble(i);
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.toPlainString();
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : out;
    }
}
