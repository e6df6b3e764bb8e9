package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.calcite.exec.QueryStoppedException;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.testing.SlowQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that Statement.setQueryTimeout stops a long query inside its scans, through the embedded driver. */
class QueryTimeoutTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository ledger;

    @BeforeAll
    static void build() {
        ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        SlowQuery.addEvents(ledger, "orders");
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void aQueryPastItsTimeoutFailsNamingTheTimeout() throws SQLException {
        // the query must be slow every time: with the row cache on, a repeat would be answered too fast
        try (Connection conn = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false");
                Statement st = conn.createStatement()) {
            st.setQueryTimeout(1);
            assertThatThrownBy(() -> st.executeQuery(SlowQuery.SQL).next())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("statement timeout of 1 s exceeded while scanning events")
                    .satisfies(e -> assertThat(QueryStoppedException.find(e)).isNotNull());
        }
    }

    @Test
    void withoutATimeoutTheSameConnectionAnswers() throws SQLException {
        try (Connection conn = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false");
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
            st.setQueryTimeout(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(SlowQuery.EVENTS);
        }
    }
}
