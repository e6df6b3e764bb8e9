package io.gatos.sql.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every access path under a real HikariCP pool, with auto-commit off and on: connections go
 * back to the pool and come out again (Hikari resets auto-commit, read-only and isolation, and
 * rolls back a connection returned with auto-commit off) without an error.
 */
class JdbcPoolIT {
    @TempDir
    static Path dir;
    static ConformanceFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ConformanceFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Stream<Arguments> pools() {
        return Stream.of(Access.values()).flatMap(a -> Stream.of(Arguments.of(a, false), Arguments.of(a, true)));
    }

    @ParameterizedTest(name = "{0}, autoCommit={1}")
    @MethodSource("pools")
    void aPoolHandsOutWorkingConnectionsAgainAndAgain(Access access, boolean autoCommit) throws Exception {
        HikariConfig config = new HikariConfig();
        String url = fixture.url(access);
        java.sql.Driver driver = access == Access.STOCK ? fixture.stockDriver() : DriverManager.getDriver(url);
        config.setDataSource(new DriverDataSource(driver, url));
        config.setAutoCommit(autoCommit);
        config.setMaximumPoolSize(2);
        config.setPoolName("conformance-" + access + "-" + autoCommit);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int round = 0; round < 6; round++) {
                try (Connection c = pool.getConnection()) {
                    assertThat(c.getAutoCommit()).isEqualTo(autoCommit);
                    assertThat(JdbcChecks.rows(c, "SELECT COUNT(*) FROM events WHERE ns = 'orders'"))
                            .containsExactly("3");
                    if (!autoCommit && round % 2 == 0) {
                        c.commit();
                    }
                    if (round == 3) {
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                        c.setReadOnly(true);
                    }
                }
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 2);
        }
    }
}
