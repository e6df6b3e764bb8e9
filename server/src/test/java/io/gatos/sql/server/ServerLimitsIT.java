package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.SlowQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asserts the error a remote client sees when it hits each of the server's limits. */
class ServerLimitsIT {
    @TempDir
    static Path dir;
    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.start(dir, c -> c.withLimits(Duration.ofSeconds(1), 20, 3, 50));
        SlowQuery.addEvents(fixture.ledger, "bulk");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aStatementPastTheTimeoutFailsWithATimeoutError() throws SQLException {
        Properties noCache = new Properties();
        noCache.setProperty("cache", "false"); // a repeat must stay slow: the row cache would answer it fast
        try (Connection c = DriverManager.getConnection(fixture.server.jdbcUrl(), noCache);
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery(SlowQuery.SQL)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("statement timeout of 1 s exceeded while scanning events")
                    .hasMessageContaining("--statement-timeout")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
            assertThat(rows(c, "SELECT COUNT(*) FROM events WHERE ns = 'orders'"))
                    .as("the connection still works").containsExactly("5");
        }
    }

    @Test
    void aResultOverTheRowCapFailsAndOneWithinItPasses() throws SQLException {
        try (Connection c = fixture.connect()) {
            assertThat(rows(c, "SELECT id FROM events LIMIT 20")).hasSize(20);
            assertThatThrownBy(() -> rows(c, "SELECT id FROM events LIMIT 21")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("the result has more than 20 rows, the server's cap (gatos serve --max-rows)")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("54000"));
            assertThatThrownBy(() -> rows(c, "SELECT * FROM events")).hasMessageContaining("more than 20 rows");
            try (Statement st = c.createStatement()) {
                st.setMaxRows(7);
                try (ResultSet rs = st.executeQuery("SELECT id FROM events")) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    assertThat(n).as("a client's own smaller limit is honoured").isEqualTo(7);
                }
            }
        }
    }

    @Test
    void aLargeResultFetchedInFramesFailsAtTheCap() throws SQLException {
        try (Connection c = fixture.connect(); Statement st = c.createStatement()) {
            st.setFetchSize(6);
            int[] seen = {0};
            assertThatThrownBy(() -> {
                ResultSet rs = st.executeQuery("SELECT id FROM events ORDER BY id");
                while (rs.next()) {
                    seen[0]++;
                }
            }).hasMessageContaining("more than 20 rows");
            assertThat(seen[0]).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void propertiesThatChangeWhatTheServerReadsAreRefused() {
        // The Avatica client forwards the Properties given to getConnection (not the URL's settings).
        for (String key : new String[] {"model", "schemaFactory", "fun", "Repo"}) {
            Properties props = new Properties();
            props.setProperty(key, "/etc");
            assertThatThrownBy(() -> DriverManager.getConnection(fixture.server.jdbcUrl(), props).close())
                    .as(key).hasMessageContaining("connection property '" + key + "' is not allowed by this server:"
                            + " a client may set only cache, locale")
                    .isInstanceOfSatisfying(AvaticaClientRuntimeException.class,
                            e -> assertThat(e.getSqlState()).isEqualTo("08004"));
        }
    }

    @Test
    void allowedPropertiesPass() throws SQLException {
        Properties props = new Properties();
        props.setProperty("locale", "en_GB");
        props.setProperty("user", "anyone");
        try (Connection c = DriverManager.getConnection(fixture.server.jdbcUrl(), props)) {
            assertThat(rows(c, "SELECT COUNT(*) FROM events WHERE ns = 'billing'")).containsExactly("2");
        }
    }

    @Test
    void connectionsAreCapped() throws SQLException {
        try (Connection a = fixture.connect();
                Connection b = fixture.connect();
                Connection c = fixture.connect()) {
            assertThat(rows(a, "SELECT COUNT(*) FROM events WHERE ns = 'billing'")).containsExactly("2");
            assertThatThrownBy(fixture::connect)
                    .hasMessageContaining("the server has 3 open connections, its limit (gatos serve --max-connections)");
            b.close();
            try (Connection d = fixture.connect()) {
                assertThat(rows(d, "SELECT COUNT(*) FROM events WHERE ns = 'billing'")).containsExactly("2");
            }
            assertThat(c.isClosed()).isFalse();
        }
    }
}
