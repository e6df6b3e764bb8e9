package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionDefaultsTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;

    @BeforeAll
    static void build() {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{}");
        repo.path();
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void fillsEveryDefaultIntoEmptyProperties() {
        Properties props = new Properties();
        ConnectionDefaults.apply(props);
        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of(
                "caseSensitive", "false",
                "unquotedCasing", "UNCHANGED",
                "quotedCasing", "UNCHANGED",
                "quoting", "DOUBLE_QUOTE",
                "timeZone", "UTC",
                "parserFactory", "io.gatos.sql.calcite.dialect.GatosParser#FACTORY",
                "fun", "postgresql",
                "conformance", "LENIENT",
                "typeSystem", "io.gatos.sql.calcite.dialect.GatosTypeSystem#INSTANCE"));
        assertThat(ConnectionDefaults.DEFAULTS).hasSize(9);
    }

    @Test
    void keepsWhatIsAlreadySetAndLeavesOtherPropertiesAlone() {
        Properties props = new Properties();
        props.setProperty("caseSensitive", "true");
        props.setProperty("timeZone", "Europe/Paris");
        props.setProperty("repo", "/somewhere");
        ConnectionDefaults.apply(props);
        assertThat(props.getProperty("caseSensitive")).isEqualTo("true");
        assertThat(props.getProperty("timeZone")).isEqualTo("Europe/Paris");
        assertThat(props.getProperty("repo")).isEqualTo("/somewhere");
        assertThat(props.getProperty("quoting")).isEqualTo("DOUBLE_QUOTE");
        assertThat(props).hasSize(10);
    }

    @Test
    void theDefaultsMakeIdentifiersCaseInsensitive() throws SQLException {
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
            assertThat(rows(c, "SELECT NS FROM EVENTS")).containsExactly("orders");
            assertThat(rows(c, "SELECT \"Ns\" FROM events")).containsExactly("orders");
            CalciteConnection calcite = c.unwrap(CalciteConnection.class);
            assertThat(calcite.config().caseSensitive()).isFalse();
            assertThat(calcite.config().timeZone()).isEqualTo("UTC");
        }
    }

    @Test
    void aUrlPropertyOverridesItsDefault() throws SQLException {
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl() + ";caseSensitive=true")) {
            assertThat(c.unwrap(CalciteConnection.class).config().caseSensitive()).isTrue();
            assertThat(rows(c, "SELECT ns FROM events")).containsExactly("orders");
            assertThatThrownBy(() -> rows(c, "SELECT NS FROM events")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("NS");
        }
    }

    @Test
    void aPropertyPassedToGetConnectionOverridesItsDefaultToo() throws SQLException {
        Properties info = new Properties();
        info.setProperty("caseSensitive", "true");
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl(), info)) {
            assertThatThrownBy(() -> rows(c, "SELECT NS FROM events")).isInstanceOf(SQLException.class);
        }
        assertThat(info).as("the caller's properties are not modified").containsOnlyKeys("caseSensitive");
    }

    @Test
    void keysMatchInAnyLetterCaseAndPropertiesDefaultsCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl() + ";timezone=Europe/Paris")) {
            assertThat(c.unwrap(org.apache.calcite.jdbc.CalciteConnection.class).config().timeZone())
                    .isEqualTo("Europe/Paris");
        }
        Properties defaults = new Properties();
        defaults.setProperty("caseSensitive", "true");
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl(), new Properties(defaults))) {
            assertThatThrownBy(() -> rows(c, "SELECT NS FROM events")).isInstanceOf(SQLException.class);
        }
        Properties lower = new Properties();
        lower.setProperty("parserfactory", "x");
        ConnectionDefaults.apply(lower);
        assertThat(lower.stringPropertyNames()).doesNotContain("parserFactory");
    }
}
