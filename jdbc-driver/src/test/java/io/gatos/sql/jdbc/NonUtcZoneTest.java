package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.TimeZone;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in its own JVM started in America/New_York (the surefire execution {@code non-utc-zone}):
 * changing the default zone inside a shared JVM tests class-initialisation order, not the driver.
 */
class NonUtcZoneTest {
    @TempDir
    Path dir;

    @Test
    void timestampsAreUtcWhateverTheJvmZone() throws Exception {
        // run by -Dtest in the default execution too; there the JVM zone is not the one under test
        Assumptions.assumeTrue(TimeZone.getDefault().getID().equals("America/New_York"), "needs a New York JVM");
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            repo.event("orders", "alice", "order.created", "{}");
            for (String url : new String[] {repo.jdbcUrl() + ";cache=false", repo.jdbcUrl(), repo.jdbcUrl()}) {
                for (String sql : new String[] {"SELECT ts FROM events", "SELECT ts FROM events ORDER BY ts DESC LIMIT 1"}) {
                    try (Connection c = DriverManager.getConnection(url);
                            ResultSet rs = c.createStatement().executeQuery(sql)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("2026-01-01 00:00:00.000");
                        assertThat(rs.getTimestamp(1).toInstant()).as(url + " " + sql)
                                .isEqualTo(LedgerTestRepository.BASE_TIME);
                    }
                }
            }
        }
    }
}
