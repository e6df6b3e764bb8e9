package io.gatos.sql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.testing.SlowQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code gatos serve} as its own process, queries it, and stops it with SIGTERM mid-query. */
class ServeCommandIT {
    private static final String END = "\u0000end of output";

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
        Process server = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "serve", "--repo",
                ledger.path().toString(), "--port", "0", "--shutdown-grace", "1s", "--statement-timeout", "0"))
                .redirectError(temp.resolve("serve.err").toFile()).start();
        BlockingQueue<String> out = lines(server);
        try {
            String url = awaitLine(out, "JDBC URL: ").substring("JDBC URL: ".length());
            assertThat(url).startsWith("jdbc:avatica:remote:url=http://127.0.0.1:");
            try (Connection c = DriverManager.getConnection(url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(SlowQuery.EVENTS);
            }
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
                java.util.Properties noCache = new java.util.Properties();
                noCache.setProperty("cache", "false"); // stays slow: the row cache would answer a repeat fast
                try (Connection c = DriverManager.getConnection(url, noCache); Statement st = c.createStatement()) {
                    st.executeQuery(SlowQuery.SQL).next();
                    return "finished";
                } catch (Exception e) {
                    return e.getMessage();
                }
            });
            awaitRequestInFlight(url.substring("jdbc:avatica:remote:url=".length(), url.indexOf(';')));
            server.toHandle().destroy(); // SIGTERM, leaving our end of its output open
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within the bound").isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(awaitLine(out, "gatos serve: stopped"))
                    .isEqualTo("gatos serve: stopped; cancelled 1 running statement(s) after the grace period");
            assertThat(slow.get(30, TimeUnit.SECONDS)).contains("the server is shutting down");
            assertThat(Files.readString(temp.resolve("serve.err"))).contains("gatos serve: stopping");
        } finally {
            server.destroyForcibly();
        }
    }

    /** Copies the process's output lines into a queue, from a thread of their own. */
    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process is gone
            } finally {
                lines.add(END);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** Waits up to a minute for a line starting with {@code prefix}; fails at the end of the output. */
    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line = ""; line != null && !line.equals(END); ) {
            line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("gatos serve printed no line starting with '" + prefix + "'");
    }

    /** Asks the server's health endpoint until it reports an API request in flight (the slow query). */
    private static void awaitRequestInFlight(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"in_flight\":1")) {
            assertThat(System.nanoTime()).as("the slow query reached the server in time").isLessThan(deadline);
        }
    }
}
