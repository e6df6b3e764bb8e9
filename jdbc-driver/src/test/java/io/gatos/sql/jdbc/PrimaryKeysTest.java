package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimaryKeysTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        conn = DriverManager.getConnection(repo.jdbcUrl());
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    /** Every key column of the catalog as "null|gatos|table|column|seq|pk_table", sorted by table then column. */
    private static List<String> expected(String onlyTable) {
        List<String[]> keys = new ArrayList<>();
        for (TableDef def : Catalog.get().tables()) {
            if (onlyTable != null && !onlyTable.equals(def.name())) {
                continue;
            }
            for (int i = 0; i < def.primaryKey().size(); i++) {
                keys.add(new String[] {def.name(), def.primaryKey().get(i), String.valueOf(i + 1)});
            }
        }
        keys.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
        return keys.stream().map(k -> "null|gatos|" + k[0] + "|" + k[1] + "|" + k[2] + "|pk_" + k[0]).toList();
    }

    @Test
    void listsTheKeyOfOneTable() throws SQLException {
        assertThat(rows(conn, PrimaryKeys.sql("gatos", "events"))).containsExactly("null|gatos|events|id|1|pk_events");
        assertThat(rows(conn, PrimaryKeys.sql(null, "pointers"))).containsExactly(
                "null|gatos|pointers|commit_id|2|pk_pointers",
                "null|gatos|pointers|digest|1|pk_pointers",
                "null|gatos|pointers|path|3|pk_pointers");
        assertThat(rows(conn, PrimaryKeys.sql("gatos", "pointers"))).isEqualTo(expected("pointers"));
    }

    @Test
    void listsEveryKeyWhenNoTableIsNamed() throws SQLException {
        List<String> all = rows(conn, PrimaryKeys.sql(null, null));
        assertThat(all).isEqualTo(expected(null)).hasSizeGreaterThan(10);
        assertThat(rows(conn, PrimaryKeys.sql("gatos", null))).isEqualTo(all);
        assertThat(all).noneMatch(r -> r.contains("|findings|"));
    }

    @Test
    void aForeignSchemaAnUnknownTableOrAKeylessTableGiveNoRows() throws SQLException {
        assertThat(rows(conn, PrimaryKeys.sql("other", null))).isEmpty();
        assertThat(rows(conn, PrimaryKeys.sql("other", "events"))).isEmpty();
        assertThat(rows(conn, PrimaryKeys.sql("", "events"))).isEmpty();
        assertThat(rows(conn, PrimaryKeys.sql("gatos", "no_such_table"))).isEmpty();
        assertThat(rows(conn, PrimaryKeys.sql("gatos", "findings"))).isEmpty();
        assertThat(rows(conn, PrimaryKeys.sql("gatos", "it's"))).isEmpty();
    }

    @Test
    void theResultHasTheJdbcColumns() throws SQLException {
        for (String table : new String[] {"events", "findings"}) {
            try (ResultSet rs = PrimaryKeys.query(conn, "gatos", table)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                assertThat(columns).containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                        "KEY_SEQ", "PK_NAME");
                assertThat(md.getColumnType(5)).isEqualTo(Types.SMALLINT);
            }
        }
        for (String table : new String[] {"events", "findings"}) {
            try (ResultSet rs = PrimaryKeys.query(conn, "gatos", table)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i : new int[] {1, 2, 3, 4, 6}) {
                    assertThat(md.getColumnType(i)).as(table + " " + md.getColumnLabel(i)).isEqualTo(Types.VARCHAR);
                }
            }
        }
        try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, "gatos", "state_nodes")) {
            assertThat(rows(rs)).isEqualTo(expected("state_nodes"));
        }
    }

    @Test
    void closingTheResultClosesItsStatement() throws SQLException {
        ResultSet rs = PrimaryKeys.query(conn, "gatos", "events");
        java.sql.Statement statement = rs.getStatement();
        rs.close();
        assertThat(statement.isClosed()).isTrue();
    }
}
