package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
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

/** Checks that JDBC metadata presents the catalog exactly, so BI tools can browse it. */
class DatabaseMetaDataTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        repo.writer().flush();
        conn = DriverManager.getConnection(repo.jdbcUrl());
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    @Test
    void everyCatalogColumnHasItsTypeNullabilityAndRemarks() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        for (TableDef table : Catalog.get().tables()) {
            List<String> actual = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "gatos", table.name(), null)) {
                while (rs.next()) {
                    actual.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                            + rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                            + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable) + " "
                            + rs.getString("IS_NULLABLE") + " " + rs.getString("REMARKS"));
                }
            }
            List<String> expected = new ArrayList<>();
            int i = 1;
            for (ColumnDef c : table.columns()) {
                expected.add(i++ + " " + c.name() + " " + c.type().sqlTypeName() + " " + c.type().jdbcType() + " "
                        + c.nullable() + " " + (c.nullable() ? "YES" : "NO") + " " + c.description());
            }
            assertThat(actual).as(table.name()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void listsTablesSchemasAndPrimaryKeys() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, "gatos", "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                assertThat(rs.getString("REMARKS")).isEqualTo(Catalog.get().require(name).description());
                tables.add(name);
            }
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(
                Catalog.get().tables().stream().map(TableDef::name).toList());
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = md.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertThat(schemas).contains("gatos");
        assertThat(keys(md, "pointers")).containsExactly("commit_id 2 pk_pointers", "digest 1 pk_pointers",
                "path 3 pk_pointers");
        assertThat(keys(md, "events")).containsExactly("id 1 pk_events");
        assertThat(keys(md, "findings")).isEmpty();
        assertThat(md.getConnection()).isSameAs(conn);
        assertThat(conn.getSchema()).isEqualTo("gatos");
    }

    private static List<String> keys(DatabaseMetaData md, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(null, "gatos", table)) {
            while (rs.next()) {
                assertThat(rs.getString("TABLE_NAME")).isEqualTo(table);
                assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("gatos");
                out.add(rs.getString("COLUMN_NAME") + " " + rs.getShort("KEY_SEQ") + " " + rs.getString("PK_NAME"));
            }
        }
        return out;
    }

    @Test
    void reportsNoIndexesTheLiveTablesDoNotHave() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        for (TableDef table : Catalog.get().tables()) {
            try (ResultSet rs = md.getIndexInfo(null, "gatos", table.name(), false, true)) {
                assertThat(rs.next()).as(table.name() + ": the indexes of its profile are the SQLite export's")
                        .isFalse();
            }
        }
        assertThat(Catalog.get().require("events").profile().indexes()).isNotEmpty();
    }

    @Test
    void listsInformationSchemaAsSystemTablesBesideTheLedger() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = md.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertThat(schemas).containsExactly("gatos", "information_schema", "metadata");
        List<String> system = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, "information_schema", "%", null)) {
            while (rs.next()) {
                system.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
            }
        }
        assertThat(system).containsExactlyInAnyOrder("schemata SYSTEM TABLE", "tables SYSTEM TABLE",
                "table_constraints SYSTEM TABLE", "key_column_usage SYSTEM TABLE",
                "referential_constraints SYSTEM TABLE",
                "columns SYSTEM TABLE");
        List<String> data = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                assertThat(rs.getString("TABLE_CAT")).as("JDBC names no catalog").isNull();
                data.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
        }
        assertThat(data).as("asking for TABLEs gives the ledger's only").containsExactlyInAnyOrderElementsOf(
                Catalog.get().tables().stream().map(t -> "gatos." + t.name()).toList());
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, "information_schema", "schemata", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                        + rs.getString("IS_NULLABLE"));
            }
        }
        assertThat(columns).startsWith("catalog_name VARCHAR NOT NULL NO", "schema_name VARCHAR NOT NULL NO",
                "schema_owner VARCHAR YES").hasSize(7);
    }

    @Test
    void closingAnyHandleOfAConnectionClosesItsRepository() throws SQLException {
        Connection c = DriverManager.getConnection(repo.jdbcUrl());
        var repository = JdbcTestSupport.repository(c);
        java.sql.Statement s = c.createStatement();
        assertThat(c).isEqualTo(c).isSameAs(s.getConnection()).hasSameHashCodeAs(c);
        DatabaseMetaData md = c.getMetaData();
        assertThat(md).isEqualTo(md).hasSameHashCodeAs(md);
        assertThat(md.getConnection()).isSameAs(c);
        s.getConnection().close();
        assertThat(repository.isClosed()).isTrue();
        assertThat(c.isClosed()).isTrue();
        Connection d = DriverManager.getConnection(repo.jdbcUrl());
        var second = JdbcTestSupport.repository(d);
        d.close();
        assertThat(second.isClosed()).isTrue();
    }

    @Test
    void refusesPathsThatAreNotGatosRepositories() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:gatos:repo=" + dir.resolve("missing")))
                .isInstanceOf(SQLException.class).hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:gatos:repo=" + plain))
                .hasMessageContaining("is not a Git repository");
        org.eclipse.jgit.api.Git.init().setDirectory(dir.resolve("empty").toFile()).call().close();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:gatos:repo=" + dir.resolve("empty")))
                .hasMessageContaining("has no refs under refs/gatos/");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:gatos:")).hasMessageContaining("repo=");
    }

}
