package io.gatos.sql.cli.output;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Describes one result column and reads its values as plain Java values: {@code null}, {@link
 * Boolean}, {@link Long}, {@link BigDecimal}, {@link Double} or {@link String}. Dates and times
 * become ISO-8601 strings in UTC (never in the JVM's default zone); everything else, JSON columns
 * included, is read with {@link ResultSet#getString}.
 *
 * @param label the column label
 * @param kind how values are read
 * @param index the 1-based JDBC column index
 */
record ResultColumn(String label, Kind kind, int index) {
    /** Groups JDBC types by how their values are read and printed. */
    enum Kind {
        BOOLEAN,
        INTEGER,
        DECIMAL,
        FLOAT,
        TIMESTAMP,
        DATE,
        TIME,
        TEXT;

        /** Tells whether values are numbers (printed right-aligned in tables, bare in JSON). */
        boolean numeric() {
            return this == INTEGER || this == DECIMAL || this == FLOAT;
        }
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    ResultColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /** Returns the columns of a result set, in order. */
    static List<ResultColumn> of(ResultSetMetaData meta) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new ResultColumn(meta.getColumnLabel(i), kindOf(meta.getColumnType(i)), i));
        }
        return List.copyOf(columns);
    }

    /** Maps a {@link Types} code to the way its values are read. */
    static Kind kindOf(int sqlType) {
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.FLOAT;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP;
            case Types.DATE -> Kind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> Kind.TIME;
            default -> Kind.TEXT;
        };
    }

    /** Reads this column of the current row; returns {@code null} for SQL NULL. */
    Object read(ResultSet rs) throws SQLException {
        Object value =
                switch (kind) {
                    case BOOLEAN -> rs.getBoolean(index);
                    case INTEGER -> rs.getLong(index);
                    case DECIMAL -> rs.getBigDecimal(index);
                    case FLOAT -> rs.getDouble(index);
                    case TIMESTAMP -> timestamp(rs.getTimestamp(index, utc()));
                    case DATE -> date(rs.getDate(index, utc()));
                    case TIME -> time(rs.getTime(index, utc()));
                    case TEXT -> rs.getString(index);
                };
        return rs.wasNull() ? null : value;
    }

    /**
     * Returns the text of a value read by {@link #read}: decimals in plain notation, null as null.
     */
    static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    private static String timestamp(Timestamp ts) {
        return ts == null ? null : ts.toInstant().toString();
    }

    private static String date(Date date) {
        return date == null
                ? null
                : LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), MILLIS_PER_DAY)).toString();
    }

    private static String time(Time time) {
        return time == null
                ? null
                : LocalTime.ofNanoOfDay(Math.floorMod(time.getTime(), MILLIS_PER_DAY) * 1_000_000L)
                        .toString();
    }
}
