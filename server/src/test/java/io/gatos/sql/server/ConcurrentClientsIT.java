package io.gatos.sql.server;

import static io.gatos.sql.server.ServerFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs 16 remote clients with 200 mixed queries each and checks every answer against the embedded driver. */
class ConcurrentClientsIT {
    static final int CLIENTS = 16;
    static final int QUERIES = 200;

    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static Map<String, List<String>> expected = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws SQLException {
        fixture = ServerFixture.start(dir, c -> c);
        try (Connection embedded = DriverManager.getConnection(fixture.ledger.jdbcUrl())) {
            List<String> commits = rows(embedded, "SELECT commit_id FROM events ORDER BY commit_id");
            for (String commit : commits.subList(0, 3)) {
                expected.put("SELECT id, ns, kind FROM events WHERE commit_id = '" + commit + "'", null);
            }
            for (String ns : List.of("orders", "billing")) {
                expected.put("SELECT COUNT(*), MIN(ts), MAX(ts) FROM events WHERE ns = '" + ns + "'", null);
                expected.put("SELECT COUNT(*) FROM events e JOIN commits c ON c.id = e.commit_id WHERE e.ns = '"
                        + ns + "'", null);
            }
            expected.put("SELECT id FROM events ORDER BY ts DESC, id LIMIT 3", null);
            expected.put("SELECT pos FROM TABLE(shiplog_read('billing', CAST(NULL AS VARCHAR), 2))", null);
            for (String sql : List.copyOf(expected.keySet())) {
                expected.put(sql, rows(embedded, sql));
            }
        }
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everyClientGetsEveryAnswerRight() throws Exception {
        List<String> queries = List.copyOf(expected.keySet());
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int offset = client;
                clients.add(pool.submit(() -> {
                    int answered = 0;
                    try (Connection c = fixture.connect()) {
                        for (int i = 0; i < QUERIES; i++) {
                            String sql = queries.get((offset + i) % queries.size());
                            try {
                                List<String> got = rows(c, sql);
                                if (!got.equals(expected.get(sql))) {
                                    problems.add("wrong answer to " + sql + ": " + got);
                                }
                                answered++;
                            } catch (SQLException | RuntimeException e) {
                                problems.add(sql + ": " + e);
                            }
                        }
                    }
                    return answered;
                }));
            }
            int total = 0;
            for (Future<Integer> f : clients) {
                total += f.get();
            }
            assertThat(problems).isEmpty();
            assertThat(total).isEqualTo(CLIENTS * QUERIES);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.server.openConnections()).as("every client closed its connection").isZero();
    }
}
