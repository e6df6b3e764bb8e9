package io.gatos.sql.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Answers {@link ResultSet#getObject(int, Class)} for the types JDBC 4.2 programs ask for (Avatica
 * answers none of them): the Java wrappers of SQL's scalar types, {@code String}, {@code byte[]},
 * the {@code java.sql} time types and {@code java.time}'s {@code LocalDate}, {@code LocalTime},
 * {@code LocalDateTime}, {@code OffsetDateTime}, {@code ZonedDateTime} and {@code Instant}, in the
 * driver's time model ({@link TimeModel}). A NULL is null whatever the type. Stateless.
 */
final class TypedColumns {
    private TypedColumns() {
    }

    /** Reads {@code column} of the current row of {@code rs} (a wrapped result set) as {@code type}. */
    static <T> T get(ResultSet rs, int column, Class<T> type) throws SQLException {
        Object value;
        try {
            value = read(rs, column, type);
            if (rs.wasNull()) {
                return null;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && !e.getSQLState().equals(SqlStates.GENERAL)) {
                throw e;
            }
            if (rs.getObject(column) == null) {
                return null;
            }
            value = null;
        }
        if (value == null || !type.isInstance(value)) {
            throw SqlStates.create("column " + column + " (" + rs.getMetaData().getColumnTypeName(column)
                    + ") cannot be read as " + type.getName() + "; read it with getObject(" + column
                    + ") or getString", SqlStates.INVALID_CAST, null);
        }
        return type.cast(value);
    }

    private static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(column);
        }
        Object number = number(rs, column, type);
        if (number != null) {
            return number;
        }
        if (type == Boolean.class) {
            return rs.getBoolean(column);
        }
        if (type == byte[].class) {
            return rs.getBytes(column);
        }
        if (type == Date.class) {
            return rs.getDate(column);
        }
        if (type == Time.class) {
            return rs.getTime(column);
        }
        if (type == LocalDate.class) {
            Date day = rs.getDate(column, TimeModel.utc());
            return day == null ? null : TimeModel.day(day);
        }
        if (type == LocalTime.class) {
            Time time = rs.getTime(column, TimeModel.utc());
            return time == null ? null : TimeModel.timeOfDay(time);
        }
        Object time = instant(rs, column, type);
        if (time != null) {
            return time;
        }
        Object any = rs.getObject(column);
        return any == null || type.isInstance(any) ? any : null;
    }

    private static Object number(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == Integer.class) {
            return rs.getInt(column);
        }
        if (type == Long.class) {
            return rs.getLong(column);
        }
        if (type == Short.class) {
            return rs.getShort(column);
        }
        if (type == Byte.class) {
            return rs.getByte(column);
        }
        if (type == Double.class) {
            return rs.getDouble(column);
        }
        if (type == Float.class) {
            return rs.getFloat(column);
        }
        if (type == BigDecimal.class) {
            return rs.getBigDecimal(column);
        }
        return null;
    }

    private static Object instant(ResultSet rs, int column, Class<?> type) throws SQLException {
        boolean instantType = type == Timestamp.class || type == java.time.Instant.class
                || type == java.time.LocalDateTime.class || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class;
        if (!instantType) {
            return null;
        }
        Timestamp ts = rs.getTimestamp(column, TimeModel.utc());
        return ts == null ? null : TimeModel.fromInstant(ts, type);
    }
}
