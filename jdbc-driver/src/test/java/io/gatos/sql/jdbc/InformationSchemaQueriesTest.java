package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries information_schema through jdbc:gatos connections as a PostgreSQL user would. */
class InformationSchemaQueriesTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{\"amount\":1}");
        repo.writer().flush();
        conn = DriverManager.getConnection(repo.jdbcUrl());
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    @Test
    void everyCatalogColumnAppearsWithItsOrdinalTypeNullabilityAndDescription() throws SQLException {
        List<String> expected = new ArrayList<>();
        for (TableDef table : Catalog.get().tables()) {
            int ordinal = 1;
            for (ColumnDef c : table.columns()) {
                expected.add(table.name() + "|" + c.name() + "|" + ordinal++ + "|" + dataType(c) + "|"
                        + (c.nullable() ? "YES" : "NO") + "|" + c.type() + "|" + c.description());
            }
        }
        assertThat(rows(conn, "SELECT table_name, column_name, ordinal_position, data_type, is_nullable,"
                + " catalog_type, description FROM information_schema.columns WHERE table_schema = 'gatos'"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listsTheLedgerTablesAndItself() throws SQLException {
        assertThat(rows(conn, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'gatos'"))
                .containsExactlyInAnyOrderElementsOf(Catalog.get().tables().stream().map(TableDef::name).toList());
        assertThat(rows(conn, "SELECT table_catalog, table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = 'information_schema' ORDER BY table_name"))
                .containsExactly("gatos|columns|SYSTEM TABLE", "gatos|key_column_usage|SYSTEM TABLE",
                        "gatos|referential_constraints|SYSTEM TABLE", "gatos|schemata|SYSTEM TABLE",
                        "gatos|table_constraints|SYSTEM TABLE", "gatos|tables|SYSTEM TABLE");
        assertThat(rows(conn, "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"))
                .containsExactly("gatos", "information_schema", "metadata");
    }

    @Test
    void answersTheQueriesPostgresqlUsersWrite() throws SQLException {
        assertThat(rows(conn, "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = 'events' ORDER BY ordinal_position"))
                .startsWith("id|character varying", "ns|character varying", "actor|character varying",
                        "stream|character varying", "pos|bigint", "kind|character varying",
                        "ts|timestamp without time zone", "payload|character varying")
                .hasSize(Catalog.get().require("events").columns().size());
        assertThat(rows(conn, "SELECT table_name FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'gatos'"
                + " AND table_type = 'BASE TABLE' AND table_name LIKE 'gov%' ORDER BY 1"))
                .containsExactly("governance_approvals", "governance_grants", "governance_proposals",
                        "governance_revocations");
        assertThat(rows(conn, "SELECT t.table_name, COUNT(c.column_name) FROM information_schema.tables t"
                + " JOIN information_schema.columns c"
                + " ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " WHERE t.table_schema = 'gatos' AND c.is_nullable = 'NO' AND t.table_name IN ('events', 'refs')"
                + " GROUP BY t.table_name ORDER BY t.table_name"))
                .containsExactly("events|" + notNullCount("events"), "refs|" + notNullCount("refs"));
        assertThat(rows(conn, "SELECT table_schema, COUNT(*) FROM information_schema.tables"
                + " GROUP BY table_schema ORDER BY table_schema"))
                .containsExactly("gatos|" + Catalog.get().tables().size(), "information_schema|6", "metadata|2");
        assertThat(rows(conn, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'gatos'"
                + " AND catalog_type = 'JSON' AND table_name = 'events' ORDER BY ordinal_position"))
                .containsExactly("payload", "caps");
    }

    private static long notNullCount(String table) {
        return Catalog.get().require(table).columns().stream().filter(c -> !c.nullable()).count();
    }

    /** The documented spelling of each catalog type (docs/DECISIONS.md). */
    private static String dataType(ColumnDef column) {
        return switch (column.type()) {
            case VARCHAR, JSON -> "character varying";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "timestamp without time zone";
        };
    }
}
