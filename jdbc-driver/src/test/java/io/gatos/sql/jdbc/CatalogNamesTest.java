package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that every table and column name of the catalog is usable unquoted, wherever a name goes,
 * through a real jdbc:gatos connection: first in the select list, after a comma, qualified, in
 * WHERE, GROUP BY and ORDER BY. Catches a keyword of the grammar that a catalog change turns into
 * a column name (config.fmpp's nonReservedKeywordsToAdd is where to fix it).
 */
class CatalogNamesTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        // Without the row cache: planning some GROUP BY statements with it fails (issue 14), which is
        // not what this test is about.
        conn = DriverManager.getConnection(repo.jdbcUrl() + ";cache=false");
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    /**
     * Returns a statement that uses {@code column} of {@code table} unquoted first in the select
     * list, after a comma, qualified, in WHERE, GROUP BY and ORDER BY.
     */
    static String statement(String table, String column) {
        return String.format("SELECT %1$s, COUNT(*) AS n, %1$s AS again, t.%1$s AS qualified FROM gatos.%2$s AS t "
                + "WHERE %1$s IS NULL OR %1$s IS NOT NULL GROUP BY %1$s ORDER BY %1$s", column, table);
    }

    @Test
    void everyCatalogNameWorksUnquotedInEveryPosition() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (TableDef table : Catalog.get().tables()) {
            for (ColumnDef column : table.columns()) {
                String sql = statement(table.name(), column.name());
                checked++;
                try (PreparedStatement ignored = conn.prepareStatement(sql)) {
                    // preparing parses, validates and plans the statement
                } catch (SQLException e) {
                    failures.add(sql + "\n    " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("statements that failed").isEmpty();
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theNamesThatAreKeywordsOfTheGrammarRunToo() throws SQLException {
        assertThat(JdbcTestSupport.rows(conn, "SELECT stream, ns, commits.ref, kind FROM events JOIN commits "
                + "ON commits.id = events.commit_id WHERE stream = 'orders/alice' AND ref LIKE 'refs/gatos/%' "
                + "GROUP BY stream, ns, ref, kind ORDER BY stream"))
                .containsExactly("orders/alice|orders|refs/gatos/journal/orders/alice|order.created");
        assertThat(JdbcTestSupport.rows(conn, "SELECT lag, topic FROM consumers WHERE lag > 0 ORDER BY lag")).isEmpty();
        assertThat(JdbcTestSupport.rows(conn, "SELECT path, size, state_ref FROM state_nodes ORDER BY path, size"))
                .isEmpty();
    }
}
