package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static io.gatos.sql.jdbc.MetaRows.small;
import static io.gatos.sql.jdbc.MetaRows.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaRowsTest {
    private static final List<MetaRows.Column> COLUMNS = List.of(text("NAME"), small("SEQ"), text("NOTE"));

    @TempDir
    Path dir;

    private LedgerTestRepository ledger() {
        LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        return repo;
    }

    @Test
    void listsTheRowsInOrderWithTypedColumns() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
            ResultSet rs = MetaRows.of(c, COLUMNS, List.of(Arrays.asList("z", 2, null), Arrays.asList("a", 1, "it's")));
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(3);
            assertThat(md.getColumnLabel(2) + " " + md.getColumnType(2) + " " + md.isNullable(2))
                    .isEqualTo("SEQ " + Types.SMALLINT + " " + ResultSetMetaData.columnNoNulls);
            assertThat(md.getColumnLabel(3) + " " + md.getColumnType(3) + " " + md.isNullable(3))
                    .isEqualTo("NOTE " + Types.VARCHAR + " " + ResultSetMetaData.columnNullable);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("SEQ")).isEqualTo((short) 2);
            assertThat(rs.getString("NOTE")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.findColumn("NAME")).isEqualTo(1);
            assertThat(rows(rs)).containsExactly("a|1|it's");
            Statement statement = rs.getStatement();
            rs.close();
            assertThat(statement.isClosed()).as("closing the result closes its statement").isTrue();
            assertThat(rows(MetaRows.of(c, COLUMNS, List.of()))).isEmpty();
        }
    }

    @Test
    void sortsTheRowsItKeepsOfAnotherResultWithItsColumns() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl());
                Statement s = c.createStatement()) {
            ResultSet source = s.executeQuery("SELECT * FROM (VALUES (3, CAST('c' AS VARCHAR(5))), (1, NULL),"
                    + " (4, 'd'), (2, 'b')) AS t(n, x)");
            ResultSet sorted = MetaRows.sorted(c, source, row -> row.getInt("N") != 4, List.of("X", "N"));
            assertThat(source.isClosed()).as("read to its end and closed").isTrue();
            ResultSetMetaData md = sorted.getMetaData();
            assertThat(md.getColumnLabel(1) + " " + md.getColumnType(1) + " " + md.isNullable(1))
                    .isEqualTo("n " + Types.INTEGER + " " + ResultSetMetaData.columnNoNulls);
            assertThat(md.getColumnLabel(2) + " " + md.getColumnType(2) + " " + md.isNullable(2))
                    .isEqualTo("x " + Types.VARCHAR + " " + ResultSetMetaData.columnNullable);
            assertThat(rows(sorted)).containsExactly("1|null", "2|b", "3|c");
            assertThat(rows(MetaRows.sorted(c, s.executeQuery("VALUES 1"), row -> false, List.of()))).isEmpty();
        }
    }

    @Test
    void anErrorOfTheTestReachesTheCaller() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl());
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> MetaRows.sorted(c, s.executeQuery("VALUES 1"), row -> row.getInt("nope") > 0,
                    List.of())).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void refusesARowOfTheWrongWidth() throws SQLException {
        try (LedgerTestRepository repo = ledger();
                Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
            assertThatThrownBy(() -> MetaRows.of(c, COLUMNS, List.of(List.of("a"))))
                    .hasMessageContaining("does not have the 3 columns");
        }
    }
}
