package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds forty connections that send their headers and then trickle their body, more than the
 * server's worker threads, and asserts that the health endpoint and a query through the stock
 * Avatica driver still answer, within bounds far below the read timeout.
 */
class SlowClientsIT {
    private static final int SLOW_CLIENTS = 40;

    @TempDir
    Path dir;
    ServerFixture fixture;
    final List<RawHttp> slow = new ArrayList<>();
    final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir, c -> c);
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttp client : slow) {
            client.close();
        }
        pool.shutdownNow();
        fixture.close();
    }

    @Test
    void healthAndQueriesAnswerWhileFortyClientsTrickleTheirBodies() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(RawHttp.connect(fixture.server.uri(), 5_000).send("POST / HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n"));
        }
        for (RawHttp client : slow) { // a first byte of each body: every one now waits for the rest
            client.send(new byte[] {0});
        }

        HttpURLConnection health = (HttpURLConnection) fixture.server.uri().resolve(Gateway.HEALTH).toURL()
                .openConnection();
        health.setConnectTimeout(5_000);
        health.setReadTimeout(5_000);
        assertThat(health.getResponseCode()).isEqualTo(200);

        Future<List<String>> query = pool.submit(() -> {
            try (Connection c = fixture.connect()) {
                return rows(c, "SELECT COUNT(*) FROM events");
            }
        });
        assertThat(query.get(10, TimeUnit.SECONDS)).containsExactly("7");
        for (RawHttp client : slow) {
            client.send(new byte[] {0}); // still connected: the server did not just drop them all
        }
    }
}
