package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that metadata finds names the way statements do, through real embedded connections. */
class CatalogMetaDataTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;
    static DatabaseMetaData md;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        conn = DriverManager.getConnection(repo.jdbcUrl());
        md = conn.getMetaData();
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    private static List<String> column(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    @Test
    void tablesAndColumnsAreFoundByAnyLetterCaseAsInStatements() throws SQLException {
        assertThat(rows(conn, "SELECT COUNT(*) FROM GATOS.EVENTS")).containsExactly("1");
        assertThat(column(md.getTables(null, "GATOS", "EVENTS", null), "TABLE_NAME")).containsExactly("events");
        assertThat(column(md.getTables(null, "Gatos", "Ev%", new String[] {"TABLE"}), "TABLE_SCHEM"))
                .containsExactly("gatos");
        assertThat(column(md.getColumns(null, "gatos", "Events", "TS"), "COLUMN_NAME")).containsExactly("ts");
        assertThat(column(md.getColumns(null, "GATOS", "EVENTS", null), "COLUMN_NAME")).hasSize(16)
                .startsWith("id", "ns");
        assertThat(column(md.getSchemas(null, "GATOS"), "TABLE_SCHEM")).containsExactly("gatos");
        assertThat(column(md.getSchemas(null, "INFORMATION%"), "TABLE_SCHEM")).containsExactly("information_schema");
        assertThat(column(md.getSchemas(), "TABLE_SCHEM")).containsExactly("gatos", "information_schema", "metadata");
    }

    @Test
    void patternsKeepTheirJdbcMeaning() throws SQLException {
        assertThat(column(md.getTables(null, null, "state_nodes", null), "TABLE_NAME")).containsExactly("state_nodes");
        assertThat(column(md.getTables(null, "gatos", "governance\\_%", null), "TABLE_NAME")).hasSize(4);
        assertThat(column(md.getTables(null, "gatos", "____", null), "TABLE_NAME"))
                .as("_ is any one character").containsExactlyInAnyOrder("refs", "jobs");
        assertThat(column(md.getTables(null, "", "events", null), "TABLE_NAME")).as("every table has a schema")
                .isEmpty();
        assertThat(column(md.getColumns(null, "gatos", "events", "%\\_id"), "COLUMN_NAME"))
                .containsExactly("commit_id");
        assertThat(column(md.getTables(null, null, null, null), "TABLE_NAME")).hasSizeGreaterThan(15);
    }

    @Test
    void storesIdentifiersAsWrittenAndMatchesThemInAnyCase() throws SQLException {
        assertThat(md.storesMixedCaseIdentifiers()).isTrue();
        assertThat(md.storesMixedCaseQuotedIdentifiers()).isTrue();
        assertThat(md.supportsMixedCaseIdentifiers()).isFalse();
        assertThat(md.supportsMixedCaseQuotedIdentifiers()).isFalse();
        assertThat(md.storesUpperCaseIdentifiers()).isFalse();
        assertThat(md.storesUpperCaseQuotedIdentifiers()).isFalse();
        assertThat(md.storesLowerCaseIdentifiers()).isFalse();
        assertThat(md.storesLowerCaseQuotedIdentifiers()).isFalse();
        assertThat(md.getSearchStringEscape()).isEqualTo(String.valueOf(NamePattern.ESCAPE));
    }

    @Test
    void aCaseSensitiveConnectionMatchesExactlyAndSaysSo() throws SQLException {
        try (Connection exact = DriverManager.getConnection(repo.jdbcUrl() + ";caseSensitive=true")) {
            DatabaseMetaData meta = exact.getMetaData();
            assertThat(column(meta.getTables(null, "GATOS", "EVENTS", null), "TABLE_NAME")).isEmpty();
            assertThat(column(meta.getTables(null, "gatos", "events", null), "TABLE_NAME")).containsExactly("events");
            assertThat(column(meta.getColumns(null, "gatos", "events", "TS"), "COLUMN_NAME")).isEmpty();
            assertThat(meta.supportsMixedCaseIdentifiers()).isTrue();
            assertThat(meta.storesMixedCaseIdentifiers()).isFalse();
        }
    }

    @Test
    void answersOnlyWhatItKnows() throws NoSuchMethodException {
        assertThatThrownBy(() -> CatalogMetaData.answer(md, conn.unwrap(Connection.class),
                DatabaseMetaData.class.getMethod("getTypeInfo"), new Object[0]))
                .hasMessageContaining("does not answer getTypeInfo");
    }
}
