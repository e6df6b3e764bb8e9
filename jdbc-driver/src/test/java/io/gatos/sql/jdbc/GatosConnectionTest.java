package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatosConnectionTest {
    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        repo.close();
        return DriverManager.getConnection(repo.jdbcUrl());
    }

    @Test
    void aNewConnectionIsReadOnlyWithAutoCommitAndTransactionsDoNothing() throws SQLException {
        try (Connection c = open()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isTrue();
            assertThat(c.getMetaData().isReadOnly()).isTrue();
            c.setAutoCommit(false);
            c.commit();
            c.rollback();
            assertThat(c.getAutoCommit()).isFalse();
            c.setReadOnly(false);
            assertThat(c.isReadOnly()).isTrue();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(JdbcTestSupport.one(c, "SELECT COUNT(*) FROM events")).isEqualTo("1");
        }
    }

    @Test
    void savepointsAreNotSupportedAndAClosedConnectionSaysSo() throws SQLException {
        Connection c = open();
        assertThat((Throwable) catchThrowableOfType(SQLException.class, c::setSavepoint))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        c.close();
        for (ThrowingCall call : new ThrowingCall[] {c::commit, c::getAutoCommit, () -> c.setAutoCommit(true), c::createStatement}) {
            assertThat(catchThrowableOfType(SQLException.class, call::run).getSQLState()).isEqualTo("08003");
        }
    }

    @Test
    void statementsAndMetadataLeadBackToTheWrapper() throws SQLException {
        try (Connection c = open(); Statement st = c.createStatement(); PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            assertThat(st.getConnection()).isSameAs(c);
            assertThat(ps.getConnection()).isSameAs(c);
            assertThat(c.getMetaData().getConnection()).isSameAs(c);
            assertThat(st.executeQuery("SELECT 1").getStatement()).isSameAs(st);
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(c).isEqualTo(c).isNotEqualTo(open());
        }
    }

    /** A JDBC call that may throw. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
