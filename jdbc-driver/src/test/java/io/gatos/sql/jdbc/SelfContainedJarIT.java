package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a query in a fresh JVM whose class path is only {@code target/gatos-jdbc.jar}: the driver
 * must register itself through the service file and bring everything it needs.
 */
class SelfContainedJarIT {
    private static final String PROBE = """
            import java.sql.*;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    try (Connection c = DriverManager.getConnection(args[0]);
                         ResultSet rs = c.createStatement().executeQuery(
                             "SELECT ns, COUNT(*), SUM(CAST(JSON_VALUE(payload, '$.n') AS INTEGER)) FROM events GROUP BY ns")) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3));
                        }
                        System.out.println("driver=" + c.getMetaData().getDriverName());
                    }
                }
            }
            """;

    @Test
    void answersAQueryWithOnlyTheJarOnTheClassPath(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "gatos-jdbc.jar").toAbsolutePath();
        assertThat(jar).as("run mvn package first").exists();
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            for (int i = 1; i <= 4; i++) {
                repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
            }
            Path probe = Files.writeString(dir.resolve("Probe.java"), PROBE);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-cp", jar.toString(), probe.toString(), repo.jdbcUrl())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.lines().filter(l -> !l.startsWith("SLF4J")).toList())
                    .containsExactly("orders=4/10", "driver=gatos-sql JDBC driver");
        }
    }

    @Test
    void theJarCarriesNoHadoopOrTestClasses() throws IOException {
        Path jar = Path.of("target", "gatos-jdbc.jar");
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("io/gatos/sql/jdbc/GatosDriver.class", "META-INF/services/java.sql.Driver");
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/hadoop/") || n.startsWith("org/junit/"));
            String services = new String(zip.getInputStream(zip.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(services).contains("io.gatos.sql.jdbc.GatosDriver");
        }
    }
}
