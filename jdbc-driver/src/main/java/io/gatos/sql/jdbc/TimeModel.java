package io.gatos.sql.jdbc;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Converts between the driver's time model and the Java types a JDBC 4.2 program uses, the same in
 * every JVM zone: a TIMESTAMP is an instant whose UTC wall clock the engine holds, so
 * {@code getTimestamp} is that instant and {@code LocalDateTime} its UTC wall clock; a DATE is a
 * calendar day, so {@code getDate} is midnight of that day in the JVM's zone, as
 * {@link Date#valueOf(LocalDate)} makes it. Stateless.
 */
final class TimeModel {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimeModel() {
    }

    /** Returns a calendar in UTC, the zone of the engine's wall clocks; a new one per call (calendars are mutable). */
    static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
    }

    /** Returns a calendar in the JVM's zone at this moment, the zone {@code java.sql.Date} and {@code Time} are read in. */
    static Calendar local() {
        return Calendar.getInstance(TimeZone.getDefault(), Locale.ROOT);
    }

    /** Returns the calendar day of a DATE read with a UTC calendar (midnight UTC of that day). */
    static LocalDate day(Date utcMidnight) {
        return LocalDate.ofEpochDay(Math.floorDiv(utcMidnight.getTime(), MILLIS_PER_DAY));
    }

    /** Returns the wall-clock time of a TIME read with a UTC calendar. */
    static LocalTime timeOfDay(Time utc) {
        return LocalTime.ofNanoOfDay(Math.floorMod(utc.getTime(), MILLIS_PER_DAY) * 1_000_000L);
    }

    /**
     * Converts a TIMESTAMP instant to {@code type}: {@link Instant}, {@link LocalDateTime} (UTC wall
     * clock), {@link OffsetDateTime} and {@link ZonedDateTime} (at offset Z), {@link LocalDate} and
     * {@link LocalTime} (its UTC day and time), {@link Timestamp}.
     *
     * @return the value, or null when {@code type} is none of these
     */
    static Object fromInstant(Timestamp instant, Class<?> type) {
        Instant i = instant.toInstant();
        if (type == Instant.class) {
            return i;
        }
        if (type == Timestamp.class) {
            return instant;
        }
        OffsetDateTime utc = i.atOffset(ZoneOffset.UTC);
        if (type == LocalDateTime.class) {
            return utc.toLocalDateTime();
        }
        if (type == OffsetDateTime.class) {
            return utc;
        }
        if (type == ZonedDateTime.class) {
            return utc.toZonedDateTime();
        }
        if (type == LocalDate.class) {
            return utc.toLocalDate();
        }
        if (type == LocalTime.class) {
            return utc.toLocalTime();
        }
        return null;
    }

    /**
     * Returns the instant a parameter value of a java.time type stands for, reading a
     * {@link LocalDateTime} as a UTC wall clock; null when {@code value} is not one of these types.
     */
    static Timestamp instantOf(Object value) {
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof LocalDateTime l) {
            instant = l.toInstant(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        }
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Returns a {@link LocalTime} or {@link OffsetTime} parameter as a JDBC {@code Time} in the JVM's zone. */
    static Time timeOf(Object value) throws SQLException {
        if (value instanceof LocalTime t) {
            return Time.valueOf(t);
        }
        if (value instanceof OffsetTime t) {
            return Time.valueOf(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime());
        }
        throw new SQLException("not a time: " + value.getClass().getName(), SqlStates.INVALID_CAST);
    }

    /**
     * Parses a string bound to a DATE, TIME or TIMESTAMP parameter: an ISO date, a time, or a
     * timestamp with a space or {@code T} and an optional offset (none means UTC).
     *
     * @return a {@link LocalDate}, {@link LocalTime} or {@link Timestamp} (the instant)
     * @throws SQLException with state 22007 naming the text when it is not one of these
     */
    static Object parse(String text, int sqlType) throws SQLException {
        String t = text.strip();
        try {
            return switch (sqlType) {
                case java.sql.Types.DATE -> LocalDate.parse(t);
                case java.sql.Types.TIME -> LocalTime.parse(t);
                default -> {
                    String iso = t.replace(' ', 'T');
                    boolean offset = iso.endsWith("Z") || iso.matches(".*T.*[+-]\\d\\d:?\\d\\d$");
                    yield Timestamp.from(offset ? OffsetDateTime.parse(iso).toInstant()
                            : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
                }
            };
        } catch (java.time.format.DateTimeParseException e) {
            throw SqlStates.create("'" + text + "' is not a " + (sqlType == java.sql.Types.DATE ? "date (write 2026-01-31)"
                    : sqlType == java.sql.Types.TIME ? "time (write 13:45:00)"
                    : "timestamp (write 2026-01-31 13:45:00, read as UTC, or add an offset such as +09:00)"),
                    SqlStates.INVALID_DATETIME, e);
        }
    }
}
