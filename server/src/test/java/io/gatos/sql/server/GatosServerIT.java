package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries a served ledger through the real Avatica remote driver, as a BI tool on another machine would. */
class GatosServerIT {
    @TempDir
    static Path dir;
    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.start(dir, c -> c);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void listensOnLoopbackAndNamesTheUrlToUse() {
        assertThat(fixture.server.uri().toString()).startsWith("http://127.0.0.1:");
        assertThat(fixture.server.jdbcUrl())
                .isEqualTo("jdbc:avatica:remote:url=http://127.0.0.1:" + fixture.server.port() + ";serialization=protobuf;timeZone=UTC");
    }

    @Test
    void browsesTablesAndColumns() throws SQLException {
        try (Connection c = fixture.connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, "gatos", "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("events", "commits", "shiplog", "jobs", "findings").hasSize(14);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "gatos", "events", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
                }
            }
            assertThat(columns).contains("id:VARCHAR", "ns:VARCHAR", "commit_id:VARCHAR").anyMatch(s -> s.startsWith("ts:TIMESTAMP"));
        }
    }

    @Test
    void joinsEventsWithTheirCommits() throws SQLException {
        try (Connection c = fixture.connect()) {
            assertThat(rows(c, "SELECT e.ns, COUNT(*), COUNT(DISTINCT c.id), MIN(c.plane) FROM events e"
                    + " JOIN commits c ON c.id = e.commit_id WHERE e.ns <> 'late' GROUP BY e.ns ORDER BY e.ns"))
                    .containsExactly("billing|2|2|journal", "orders|5|5|journal");
        }
    }

    @Test
    void readsTheShiplogWithShiplogReadAndBindsParameters() throws SQLException {
        try (Connection c = fixture.connect()) {
            assertThat(rows(c, "SELECT pos, JSON_VALUE(payload, '$.n') FROM TABLE(shiplog_read('billing',"
                    + " CAST(NULL AS VARCHAR), 10))")).containsExactly("0|1", "1|2", "2|3");
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE ns = ?")) {
                ps.setString(1, "orders");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(5);
                }
            }
        }
    }

    @Test
    void seesACommitAppendedAfterTheServerStarted() throws SQLException {
        try (Connection c = fixture.connect()) {
            assertThat(rows(c, "SELECT COUNT(*) FROM events WHERE ns = 'late'")).containsExactly("0");
            fixture.ledger.event("late", "carol", "late.arrived", "{\"ok\":true}");
            assertThat(rows(c, "SELECT COUNT(*), MAX(actor) FROM events WHERE ns = 'late'"))
                    .containsExactly("1|user:carol");
        }
    }
}
