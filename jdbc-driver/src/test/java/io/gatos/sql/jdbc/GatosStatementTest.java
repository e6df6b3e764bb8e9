package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatosStatementTest {
    @TempDir
    Path dir;

    private Connection ledgerOfThree() throws SQLException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            for (int i = 0; i < 3; i++) {
                repo.event("orders", "alice", "order.created", "{}");
            }
            return DriverManager.getConnection(repo.jdbcUrl());
        }
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void setMaxRowsCapsAPreparedStatement() throws SQLException {
        try (Connection c = ledgerOfThree(); PreparedStatement ps = c.prepareStatement("SELECT id FROM events")) {
            ps.setMaxRows(2);
            assertThat(JdbcTestSupport.rows(ps.executeQuery())).hasSize(2);
            ps.setMaxRows(0);
            assertThat(JdbcTestSupport.rows(ps.executeQuery())).hasSize(3);
        }
    }

    @Test
    void timeParametersBindAsInstantsAndDays() throws SQLException {
        Instant second = LedgerTestRepository.BASE_TIME.plusSeconds(1);
        try (Connection c = ledgerOfThree();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE ts <= ?");
                PreparedStatement day = c.prepareStatement("SELECT COUNT(*) FROM events WHERE CAST(ts AS DATE) = ?")) {
            ps.setTimestamp(1, Timestamp.from(second));
            assertThat(count(ps)).isEqualTo(2);
            ps.setObject(1, LocalDateTime.ofInstant(second, ZoneOffset.UTC));
            assertThat(count(ps)).isEqualTo(2);
            ps.setObject(1, second.atOffset(ZoneOffset.ofHours(-5)));
            assertThat(count(ps)).isEqualTo(2);
            ps.setObject(1, second);
            assertThat(count(ps)).isEqualTo(2);
            ps.setObject(1, new java.util.Date(second.toEpochMilli()));
            assertThat(count(ps)).isEqualTo(2);
            day.setDate(1, Date.valueOf("2026-01-01"));
            assertThat(count(day)).isEqualTo(3);
            day.setObject(1, LocalDate.of(2025, 12, 31));
            assertThat(count(day)).isZero();
            day.setObject(1, "2026-01-01");
            assertThat(count(day)).isEqualTo(3);
        }
    }

    @Test
    void writesFailWithTheReadOnlyState() throws SQLException {
        try (Connection c = ledgerOfThree(); var st = c.createStatement()) {
            SQLException e = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> st.executeUpdate("DELETE FROM events"));
            assertThat(e.getSQLState()).isEqualTo("25006");
            assertThat(e.getMessage()).startsWith("gatos-sql is read-only");
        }
    }
}
