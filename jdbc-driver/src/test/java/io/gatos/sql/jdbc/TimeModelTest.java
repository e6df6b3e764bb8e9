package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TimeModelTest {
    private static final Instant AT = Instant.parse("2026-03-08T07:30:00.123Z");

    @Test
    void anInstantReadsAsItsUtcWallClockInEveryJavaTimeType() {
        Timestamp ts = Timestamp.from(AT);
        assertThat(TimeModel.fromInstant(ts, Instant.class)).isEqualTo(AT);
        assertThat(TimeModel.fromInstant(ts, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 3, 8, 7, 30, 0, 123_000_000));
        assertThat(TimeModel.fromInstant(ts, OffsetDateTime.class)).isEqualTo(AT.atOffset(ZoneOffset.UTC));
        assertThat(TimeModel.fromInstant(ts, ZonedDateTime.class)).isEqualTo(AT.atZone(ZoneOffset.UTC));
        assertThat(TimeModel.fromInstant(ts, LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(TimeModel.fromInstant(ts, LocalTime.class)).isEqualTo(LocalTime.of(7, 30, 0, 123_000_000));
        assertThat(TimeModel.fromInstant(ts, String.class)).isNull();
    }

    @Test
    void parametersOfJavaTimeTypesAreInstantsAndALocalDateTimeIsUtc() {
        assertThat(TimeModel.instantOf(AT).toInstant()).isEqualTo(AT);
        assertThat(TimeModel.instantOf(LocalDateTime.of(2026, 3, 8, 7, 30, 0, 123_000_000)).toInstant()).isEqualTo(AT);
        assertThat(TimeModel.instantOf(AT.atOffset(ZoneOffset.ofHours(9))).toInstant()).isEqualTo(AT);
        assertThat(TimeModel.instantOf(AT.atZone(ZoneId.of("America/New_York"))).toInstant()).isEqualTo(AT);
        assertThat(TimeModel.instantOf("2026-03-08")).isNull();
    }

    @Test
    void daysAndTimesOfUtcValues() {
        assertThat(TimeModel.day(new Date(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TimeModel.day(new Date(Instant.parse("1969-12-31T00:00:00Z").toEpochMilli()))).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(TimeModel.timeOfDay(new Time(Instant.parse("1970-01-01T10:15:30Z").toEpochMilli()))).isEqualTo(LocalTime.of(10, 15, 30));
    }

    @Test
    void timesBindAsWallClocks() throws Exception {
        assertThat(TimeModel.timeOf(LocalTime.of(10, 0)).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(TimeModel.timeOf(OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(2))).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void calendarsAreFreshAndInTheirZones() {
        assertThat(TimeModel.utc().getTimeZone().getRawOffset()).isZero();
        assertThat(TimeModel.utc()).isNotSameAs(TimeModel.utc());
        assertThat(TimeModel.local().getTimeZone()).isEqualTo(java.util.TimeZone.getDefault());
    }

    @Test
    void stringsBoundToTimeParametersAreParsedInTheModel() throws Exception {
        assertThat(TimeModel.parse(" 2026-01-31 ", java.sql.Types.DATE)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(TimeModel.parse("13:45:00", java.sql.Types.TIME)).isEqualTo(LocalTime.of(13, 45));
        assertThat(((Timestamp) TimeModel.parse("2026-03-08 07:30:00.123", java.sql.Types.TIMESTAMP)).toInstant()).isEqualTo(AT);
        assertThat(((Timestamp) TimeModel.parse("2026-03-08T16:30:00.123+09:00", java.sql.Types.TIMESTAMP)).toInstant()).isEqualTo(AT);
        assertThat(((Timestamp) TimeModel.parse("2026-03-08T07:30:00.123Z", java.sql.Types.TIMESTAMP)).toInstant()).isEqualTo(AT);
        java.sql.SQLException e = org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class,
                () -> TimeModel.parse("yesterday", java.sql.Types.DATE));
        assertThat(e.getSQLState()).isEqualTo("22007");
        assertThat(e.getMessage()).contains("'yesterday'", "2026-01-31");
    }
}
