package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilteredResultSetTest {
    @TempDir
    Path dir;

    private LedgerTestRepository ledger() {
        LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        return repo;
    }

    @Test
    void showsOnlyAcceptedRowsAndClosesWhatItFilters() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl());
                Statement s = c.createStatement()) {
            ResultSet all = s.executeQuery("SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')) AS t(n, x)");
            ResultSet even = FilteredResultSet.of(all, row -> row.getInt("n") % 2 == 0);
            assertThat(even.unwrap(ResultSet.class)).isSameAs(even);
            assertThat(even.isWrapperFor(ResultSet.class)).isTrue();
            assertThat(even).isEqualTo(even).isNotEqualTo(all);
            assertThat(even.getMetaData().getColumnCount()).isEqualTo(2);
            assertThat(rows(even)).containsExactly("2|b", "4|d");
            assertThat(even.next()).isFalse();
            even.close();
            assertThat(all.isClosed()).isTrue();
            assertThat(rows(FilteredResultSet.of(s.executeQuery("VALUES 1"), row -> false))).isEmpty();
        }
    }

    @Test
    void anErrorOfTheTestReachesTheCaller() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl());
                Statement s = c.createStatement()) {
            ResultSet filtered = FilteredResultSet.of(s.executeQuery("VALUES 1"), row -> row.getInt("nope") > 0);
            org.assertj.core.api.Assertions.assertThatThrownBy(filtered::next).isInstanceOf(SQLException.class);
        }
    }
}
