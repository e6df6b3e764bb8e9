package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects to {@code gatos serve} from a fresh JVM whose class path is only
 * {@code gatos-jdbc.jar}, started in Tokyo: {@code jdbc:gatos:url=} must bring Avatica's remote
 * client and its HTTP client (relocated), and read instants and days as embedded does.
 */
class RemoteDriverJarIT {
    private static final String PROBE = """
            import java.sql.*;
            import java.time.*;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    try (Connection c = DriverManager.getConnection(args[0]);
                         PreparedStatement ps = c.prepareStatement(
                             "SELECT ns, COUNT(*), MIN(ts), CAST(MIN(ts) AS DATE) FROM events WHERE ts >= ? GROUP BY ns ORDER BY ns")) {
                        ps.setObject(1, LocalDateTime.of(2026, 1, 1, 0, 0));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                System.out.println(rs.getString(1) + "=" + rs.getLong(2) + " " + rs.getObject(3, Instant.class)
                                        + " " + rs.getDate(4).toLocalDate());
                            }
                        }
                        System.out.println("autoCommit=" + c.getAutoCommit() + " readOnly=" + c.isReadOnly());
                        try {
                            c.createStatement().executeQuery("SELECT * FROM nope");
                        } catch (SQLException e) {
                            System.out.println("state=" + e.getSQLState());
                        }
                    }
                }
            }
            """;

    @Test
    void theDriverJarAloneReachesTheServer(@TempDir Path dir) throws Exception {
        Path jar = Path.of("..", "jdbc-driver", "target", "gatos-jdbc.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the reactor packages jdbc-driver first").exists();
        try (ServerFixture fixture = ServerFixture.start(dir, c -> c)) {
            Path probe = Files.writeString(dir.resolve("Probe.java"), PROBE);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-Duser.timezone=Asia/Tokyo", "-cp", jar.toString(),
                    probe.toString(), "jdbc:gatos:url=http://127.0.0.1:" + fixture.server.port())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.lines().toList()).containsExactly(
                    "billing=2 2026-01-01T00:00:05Z 2026-01-01",
                    "orders=5 2026-01-01T00:00:00Z 2026-01-01",
                    "autoCommit=true readOnly=true",
                    "state=42S02");
        }
    }
}
