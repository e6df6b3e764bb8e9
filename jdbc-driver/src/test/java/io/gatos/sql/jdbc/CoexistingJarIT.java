package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code target/gatos-jdbc.jar} in a fresh JVM beside other versions of the libraries it
 * bundles, as Spark 3.5 would: Guava 14.0.1, Jackson 2.15.2, an SLF4J 1.7 API with its simple
 * binding, and the stock Avatica 1.28 client (copied to {@code target/conflicts} by the pom).
 * Placed before or after those jars, the driver must answer real queries (code generated and
 * compiled at run time, JSON functions, windows, joins, our aggregates) while the host keeps its
 * own versions, its own logging, its remote driver and a quiet stderr.
 */
class CoexistingJarIT {
    private static final Path CONFLICTS = Path.of(System.getProperty("gatos.conflicts.dir", "target/conflicts"));
    private static final List<String> HOST_JARS = List.of("guava.jar", "jackson-databind.jar", "jackson-core.jar",
            "jackson-annotations.jar", "slf4j-api.jar", "slf4j-simple.jar", "avatica.jar");

    private static final List<String> QUERIES = List.of(
            "SELECT ns, COUNT(*), SUM(CAST(JSON_VALUE(payload, '$.n') AS INTEGER)) FROM events GROUP BY ns ORDER BY ns",
            "SELECT ns, pos, ROW_NUMBER() OVER (PARTITION BY ns ORDER BY pos DESC) FROM events"
                    + " WHERE kind IN ('order.created', 'invoice.sent', 'none') ORDER BY ns, pos",
            "SELECT e.ns, COUNT(DISTINCT c.id), MAX(c.parent_count) FROM events e JOIN commits c ON e.commit_id = c.id"
                    + " GROUP BY e.ns ORDER BY e.ns",
            "SELECT ns, MEDIAN(pos), PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY pos) FROM events GROUP BY ns ORDER BY ns",
            "SELECT actor, JSON_VALUE(payload, '$.n' RETURNING INTEGER) AS n FROM events"
                    + " WHERE actor LIKE 'user:%' ORDER BY n DESC LIMIT 2");

    private static final String PROBE = """
            import java.sql.*;

            public class HostProbe {
                public static void main(String[] args) throws Exception {
                    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
                        for (int q = 1; q < args.length; q++) {
                            System.out.println("--");
                            try (ResultSet rs = s.executeQuery(args[q])) {
                                int n = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    StringBuilder row = new StringBuilder();
                                    for (int i = 1; i <= n; i++) {
                                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                                    }
                                    System.out.println(row);
                                }
                            }
                        }
                    }
                    // Objects.toStringHelper left Guava in version 21: only the host's Guava has it
                    System.out.println("guava " + com.google.common.base.Objects.toStringHelper("host").add("v", 14));
                    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                    System.out.println("jackson " + mapper.version() + " " + mapper.readTree("{\\"a\\":[1,2]}").get("a").size());
                    org.slf4j.LoggerFactory.getLogger("probe").info("host logging");
                    System.out.println("slf4j " + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
                    remote();
                }

                /** The stock Avatica client must serve jdbc:avatica:remote: with its own classes: a closed port is refused. */
                static void remote() throws Exception {
                    int port;
                    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                        port = free.getLocalPort();
                    }
                    String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + port + ";serialization=protobuf";
                    System.out.println("avatica " + DriverManager.getDriver(url).getClass().getName());
                    try (Connection c = DriverManager.getConnection(url)) {
                        System.out.println("avatica " + c.getMetaData().getDatabaseProductName());
                    } catch (Throwable e) {
                        Throwable root = e;
                        while (root.getCause() != null) {
                            root = root.getCause();
                        }
                        System.out.println("avatica " + root.getClass().getSimpleName());
                    }
                }
            }
            """;

    private static final List<String> EXPECTED = List.of(
            "--", "billing|2|30", "orders|4|10",
            "--", "billing|0|2", "billing|1|1", "orders|0|4", "orders|1|3", "orders|2|2", "orders|3|1",
            "--", "billing|2|1", "orders|4|1",
            "--", "billing|0.5|0.25", "orders|1.5|0.75",
            "--", "user:bob|20", "user:bob|10",
            "guava host{v=14}",
            "jackson 2.15.2 2",
            "slf4j org.slf4j.impl.SimpleLoggerFactory",
            "avatica org.apache.calcite.avatica.remote.Driver",
            "avatica HttpHostConnectException");

    @TempDir
    static Path dir;
    private static String url;

    @BeforeAll
    static void ledger() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            for (int i = 1; i <= 4; i++) {
                repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
            }
            repo.event("billing", "bob", "invoice.sent", "{\"n\":10}");
            repo.event("billing", "bob", "invoice.sent", "{\"n\":20}");
            url = repo.jdbcUrl();
        }
    }

    @Test
    void worksBeforeTheHostsOwnVersions(@TempDir Path work) throws Exception {
        assertCoexists(work, Stream.concat(Stream.of(JarProbe.JAR), hostJars().stream()).toList());
    }

    @Test
    void worksAfterTheHostsOwnVersions(@TempDir Path work) throws Exception {
        assertCoexists(work, Stream.concat(hostJars().stream(), Stream.of(JarProbe.JAR)).toList());
    }

    private static void assertCoexists(Path work, List<Path> classPath) throws Exception {
        List<String> args = new ArrayList<>(List.of(url));
        args.addAll(QUERIES);
        JarProbe.Output run = JarProbe.run(work, "HostProbe", PROBE, classPath, args);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).containsExactlyElementsOf(EXPECTED);
        assertThat(run.err()).as("only the host's logging: no SLF4J warnings, no driver logging")
                .hasSize(2)
                .startsWith("[main] INFO probe - host logging")
                .last().asString().startsWith("[main] WARN org.apache.calcite.avatica.remote.Driver - Connection Failed");
    }

    private static List<Path> hostJars() {
        List<Path> jars = HOST_JARS.stream().map(CONFLICTS::resolve).toList();
        assertThat(jars).as("mvn pre-integration-test copies them").allMatch(java.nio.file.Files::exists);
        return jars;
    }
}
