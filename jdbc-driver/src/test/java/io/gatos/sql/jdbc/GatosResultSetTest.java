package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatos.sql.testing.LedgerTestRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatosResultSetTest {
    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            repo.event("orders", "alice", "order.created", "{\"n\":1}");
            return DriverManager.getConnection(repo.jdbcUrl());
        }
    }

    @Test
    void getObjectWithATypeAnswersTheJdbc42Types() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ts, CAST(ts AS DATE), TIME '10:15:30', 42, CAST(2.5 AS DECIMAL(3, 1)), ns, TRUE,"
                        + " CAST(NULL AS INTEGER) FROM events")) {
            assertThat(rs.next()).isTrue();
            Instant at = LedgerTestRepository.BASE_TIME;
            assertThat(rs.getObject(1, Instant.class)).isEqualTo(at);
            assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            assertThat(rs.getObject(1, OffsetDateTime.class)).isEqualTo(at.atOffset(ZoneOffset.UTC));
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rs.getObject(3, LocalTime.class)).isEqualTo(LocalTime.of(10, 15, 30));
            assertThat(rs.getObject(4, Integer.class)).isEqualTo(42);
            assertThat(rs.getObject(4, Long.class)).isEqualTo(42L);
            assertThat(rs.getObject(5, BigDecimal.class)).isEqualByComparingTo("2.5");
            assertThat(rs.getObject(6, String.class)).isEqualTo("orders");
            assertThat(rs.getObject(7, Boolean.class)).isTrue();
            assertThat(rs.getObject(8, Integer.class)).isNull();
            assertThat(catchThrowableOfType(SQLException.class, () -> rs.getObject(6, LocalDate.class)).getSQLState())
                    .startsWith("22");
        }
    }

    @Test
    void datesAndTimesReadInTheJvmZoneKeepTheirDayAndClock() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DATE '2026-01-01' AS d, TIME '10:15:30' AS t FROM events")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDate(1).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rs.getDate("d").toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(((Date) rs.getObject("d")).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(rs.getTime("t").toLocalTime()).isEqualTo(LocalTime.of(10, 15, 30));
            assertThat(rs.getString("d")).isEqualTo("2026-01-01");
        }
    }

    @Test
    void aDataErrorWhileFetchingIsACheckedException() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> {
                try (ResultSet rs = st.executeQuery("SELECT CAST(ns AS INTEGER) FROM events")) {
                    rs.next();
                }
            });
            assertThat(e.getSQLState()).isEqualTo("22018");
        }
    }
}
