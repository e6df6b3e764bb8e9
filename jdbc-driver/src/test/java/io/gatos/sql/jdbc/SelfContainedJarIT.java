package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a query in a fresh JVM whose class path is only {@code target/gatos-jdbc.jar}: the driver
 * must register itself through the service file and bring everything it needs, and keep every
 * library it bundles out of the host's packages (relocated under {@code io.gatos.sql.shaded}).
 */
class SelfContainedJarIT {
    /** Where the jar's entries may live: our packages (the relocated libraries among them) and Calcite's core. */
    private static final List<String> ALLOWED = List.of("io/gatos/sql/", "org/apache/calcite/",
            "assets/io/gatos/sql/shaded/", "about.html", "META-INF/");
    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

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
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            for (int i = 1; i <= 4; i++) {
                repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
            }
            JarProbe.Output run = JarProbe.run(dir, "Probe", PROBE, List.of(JarProbe.JAR), List.of(repo.jdbcUrl()));
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.out()).as(run.describe()).containsExactly("orders=4/10", "driver=gatos-sql JDBC driver");
            assertThat(run.err()).as("nothing on stderr: no SLF4J or logging noise").isEmpty();
        }
    }

    @Test
    void theJarCarriesNoHadoopTestOrWriterClasses() throws IOException {
        List<String> names = entries();
        assertThat(names).contains("io/gatos/sql/jdbc/GatosDriver.class", "META-INF/services/java.sql.Driver",
                "io/gatos/sql/codec/Json.class", "io/gatos/sql/layout/Plane.class");
        assertThat(names).noneMatch(n -> n.contains("org/apache/hadoop/") || n.contains("org/junit/"));
        assertThat(names).as("the ledger writer and the sample ledgers live in gatos-writer, not in the driver")
                .noneMatch(n -> n.startsWith("io/gatos/sql/writer/") || n.contains("/ledger/write/"));
    }

    @Test
    void keepsEveryBundledLibraryUnderItsOwnPackages() throws IOException {
        List<String> strays = entries().stream()
                .filter(n -> !n.endsWith("/"))
                .map(n -> VERSIONED.matcher(n).replaceFirst(""))
                .filter(n -> ALLOWED.stream().noneMatch(n::startsWith) || isUnrelocatedClass(n))
                .toList();
        assertThat(strays).as("entries outside io.gatos.sql and Calcite's core").isEmpty();
        assertThat(entries()).filteredOn(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
                .allMatch(n -> n.equals("META-INF/services/java.sql.Driver")
                        || n.startsWith("META-INF/services/io.gatos.sql.shaded."), "service files of relocated libraries");
    }

    @Test
    void registersOnlyTheDriversItServes() throws IOException {
        try (ZipFile zip = new ZipFile(JarProbe.JAR.toFile())) {
            String services = new String(zip.getInputStream(zip.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(services.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                    .as("Avatica's remote driver needs an HTTP client the jar does not carry")
                    .containsExactly("io.gatos.sql.jdbc.GatosDriver", "org.apache.calcite.jdbc.Driver");
        }
    }

    /** A class outside our packages and Calcite's (Avatica is relocated too: the stock client uses its names). */
    private static boolean isUnrelocatedClass(String name) {
        return name.endsWith(".class") && !name.startsWith("io/gatos/sql/")
                && (!name.startsWith("org/apache/calcite/") || name.startsWith("org/apache/calcite/avatica/"));
    }

    private static List<String> entries() throws IOException {
        try (ZipFile zip = new ZipFile(JarProbe.JAR.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
