package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.testing.SlowQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code gatos serve} as its own process, queries it, and stops it with SIGTERM mid-query. */
class ServeCommandIT {
    @TempDir
    static Path temp;
    static LedgerTestRepository ledger;

    @BeforeAll
    static void build() {
        ledger = LedgerTestRepository.create(temp.resolve("ledger.git"));
        SlowQuery.addEvents(ledger, "orders");
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void servesUntilSigtermThenCancelsTheRunningQueryAndExitsZero() throws Exception {
        Path jar = Path.of("target", "gatos.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = temp.resolve("serve.out");
        Process server = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "serve", "--repo",
                ledger.path().toString(), "--port", "0", "--shutdown-grace", "1s", "--statement-timeout", "0"))
                .redirectOutput(log.toFile()).redirectError(temp.resolve("serve.err").toFile()).start();
        try {
            String url = jdbcUrl(log);
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(SlowQuery.EVENTS);
            }
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.executeQuery(SlowQuery.SQL).next();
                    return "finished";
                } catch (Exception e) {
                    return e.getMessage();
                }
            });
            Thread.sleep(1_500); // the slow query is running
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within the bound").isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(Files.readString(log)).contains("gatos serve: stopped; cancelled 1 running statement(s) after the grace period");
            assertThat(slow.get(30, TimeUnit.SECONDS)).contains("the server is shutting down");
            assertThat(Files.readString(temp.resolve("serve.err"))).contains("gatos serve: stopping");
        } finally {
            server.destroyForcibly();
        }
    }

    /** Waits up to a minute for the server to print its JDBC URL to {@code log}. */
    private static String jdbcUrl(Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            java.util.Optional<String> line = Files.readAllLines(log).stream()
                    .filter(l -> l.startsWith("JDBC URL: ")).findFirst();
            if (line.isPresent()) {
                String url = line.get().substring("JDBC URL: ".length());
                assertThat(url).startsWith("jdbc:avatica:remote:url=http://127.0.0.1:");
                return url;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gatos serve printed no JDBC URL: " + Files.readString(log));
    }
}
