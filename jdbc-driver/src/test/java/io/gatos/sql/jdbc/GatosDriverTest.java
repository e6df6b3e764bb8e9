package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.one;
import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.ledger.LedgerRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asserts exact answers on a ledger with known content, through real JDBC connections. */
class GatosDriverTest {
    @TempDir
    static Path dir;
    static KnownLedger ledger;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        ledger = KnownLedger.build(dir.resolve("ledger.git"));
        conn = DriverManager.getConnection(ledger.url());
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        ledger.repo.close();
    }

    @Test
    void connectionsToAnOpenRepositoryShareItAndLeaveItOpen() throws SQLException {
        try (LedgerRepository shared = LedgerRepository.open(ledger.repo.path())) {
            GatosDriver driver = new GatosDriver();
            try (Connection a = driver.connect(shared, null); Connection b = driver.connect(shared, new Properties())) {
                assertThat(JdbcTestSupport.repository(a)).isSameAs(shared);
                assertThat(JdbcTestSupport.repository(b)).isSameAs(shared);
                assertThat(rows(a, "SELECT ns, COUNT(*) FROM events GROUP BY ns ORDER BY ns"))
                        .containsExactly("billing|2", "orders|5");
            }
            assertThat(shared.isClosed()).isFalse();
            try (Connection c = driver.connect(shared, null)) {
                assertThat(one(c, "SELECT COUNT(*) FROM events")).isEqualTo("7");
            }
        }
    }

    @Test
    void countsEventsPerNamespace() throws SQLException {
        assertThat(rows(conn, "SELECT ns, COUNT(*) FROM events GROUP BY ns ORDER BY ns"))
                .containsExactly("billing|2", "orders|5");
    }

    @Test
    void sumsPayloadFieldsWithJsonValue() throws SQLException {
        assertThat(rows(conn, "SELECT ns, SUM(CAST(JSON_VALUE(payload, '$.amount') AS INTEGER)) FROM events"
                + " WHERE error IS NULL GROUP BY ns ORDER BY ns")).containsExactly("billing|7", "orders|80");
        assertThat(one(conn, "SELECT JSON_QUERY(payload, '$.doc') FROM events WHERE actor = 'user:carol'"))
                .contains("\"kind\":\"blobptr\"");
    }

    @Test
    void keepsNumbersAndUnicodeExactly() throws SQLException {
        assertThat(one(conn, "SELECT payload FROM events WHERE id = '" + ledger.ulids.get("a3") + "'"))
                .isEqualTo("{\"amount\":30,\"big\":1152921504606846977}");
        assertThat(one(conn, "SELECT payload FROM events WHERE id = '" + ledger.ulids.get("b2") + "'"))
                .isEqualTo("{\"amount\":15,\"note\":\"☃ snow 😀\"}");
    }

    @Test
    void numbersEventsPerJournalOldestFirst() throws SQLException {
        assertThat(rows(conn, "SELECT \"stream\", pos, kind, actor FROM events WHERE ns = 'orders' AND \"stream\" <> 'x'"
                + " ORDER BY \"stream\", pos"))
                .containsExactly("orders/alice|0|order.created|user:alice", "orders/alice|1|order.paid|user:alice",
                        "orders/alice|2|order.created|user:alice", "orders/bob|0|order.created|user:bob",
                        "orders/bob|1|order.created|user:bob");
    }

    @Test
    void acceptsCatalogNamesThatAreSqlKeywordsUnquoted() throws SQLException {
        assertThat(one(conn, "SELECT \"stream\", pos FROM events WHERE id = '" + ledger.ulids.get("b1") + "'"))
                .isEqualTo("orders/bob|0");
        assertThat(one(conn, "SELECT lag FROM consumers WHERE group_name = 'g4'")).isEqualTo("0");
        assertThat(one(conn, "SELECT COUNT(DISTINCT ref) FROM commits WHERE plane = 'journal'")).isEqualTo("4");
    }

    @Test
    void reportsUnreadableEnvelopesAsRowsWithAnError() throws SQLException {
        String bad = ledger.commits.get("bad").name();
        assertThat(one(conn, "SELECT id, kind, payload IS NULL, caps, error IS NOT NULL FROM events"
                + " WHERE commit_id = '" + bad + "'")).isEqualTo(bad + "|broken.event|true|[]|true");
    }

    @Test
    void readsShiplogInOrderAndChecksContentIds() throws SQLException {
        assertThat(rows(conn, "SELECT topic, pos, ulid, content_ok FROM shiplog ORDER BY topic, pos")).containsExactly(
                "alerts|0|" + ledger.ulids.get("x1") + "|true", "alerts|1|" + ledger.ulids.get("x2") + "|true",
                "billing|0|" + ledger.ulids.get("m1") + "|true", "billing|1|" + ledger.ulids.get("m2") + "|true",
                "billing|2|" + ledger.ulids.get("m3") + "|true", "tampered|0|" + ledger.ulids.get("t1") + "|false");
        assertThat(one(conn, "SELECT ns, type, payload, refs FROM shiplog WHERE commit_id = '"
                + ledger.commits.get("m3").name() + "'")).isEqualTo("billing|invoice.paid|{\"n\":3}|{}");
    }

    @Test
    void computesConsumerLagForBothFormsAndForACheckpointNamingNothing() throws SQLException {
        assertThat(rows(conn, "SELECT group_name, topic, lag, head_ulid, updated_ts IS NULL FROM consumers"
                + " ORDER BY group_name")).containsExactly(
                        "g1|billing|2|" + ledger.ulids.get("m3") + "|false",
                        "g2|billing|1|" + ledger.ulids.get("m3") + "|true",
                        "g3|billing|3|" + ledger.ulids.get("m3") + "|false",
                        "g4|alerts|0|" + ledger.ulids.get("x2") + "|false");
    }

    @Test
    void readsStateCheckpointsNodesAndShapes() throws SQLException {
        String s1 = ledger.commits.get("s1").name();
        String s2 = ledger.commits.get("s2").name();
        assertThat(rows(conn, "SELECT state_ref, parent_id, is_head FROM state_checkpoints ORDER BY ts"))
                .containsExactly(s1 + "|null|false", s2 + "|" + s1 + "|true");
        assertThat(rows(conn, "SELECT id, path, size, shape FROM state_nodes WHERE state_ref = '" + s2 + "' ORDER BY path"))
                .containsExactly(s2 + ":state/notes.txt|state/notes.txt|10|{\"kind\":\"bytes\"}",
                        s2 + ":state/orders.json|state/orders.json|"
                                + KnownLedger.ORDERS_STATE.getBytes(StandardCharsets.UTF_8).length + "|{\"fields\":{\"items\":{\"items\":{\"fields\":"
                                + "{\"blob\":{\"fields\":{\"algo\":{\"kind\":\"string\"},\"capability\":{\"kind\":"
                                + "\"string\"},\"digest\":{\"kind\":\"string\"},\"kind\":{\"kind\":\"string\"},"
                                + "\"location\":{\"kind\":\"string\"},\"size\":{\"kind\":\"number\"}},\"kind\":"
                                + "\"object\"}},\"kind\":\"object\"},\"kind\":\"array\"},\"total\":{\"kind\":"
                                + "\"number\"}},\"kind\":\"object\"}");
        assertThat(one(conn, "SELECT digest FROM state_nodes WHERE id = '" + s2 + ":state/notes.txt'"))
                .isEqualTo(Blake3.prefixed("plain text".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportsPointerMetadataWithoutOpeningIt() throws SQLException {
        String s2 = ledger.commits.get("s2").name();
        String c1 = ledger.commits.get("c1").name();
        assertThat(rows(conn, "SELECT kind, digest, algo, size, location, capability, source, state_ref, commit_id, path"
                + " FROM pointers ORDER BY source, path")).containsExactly(
                        "blobptr|blake3:" + KnownLedger.HASH + "|blake3|42|gatos/objects/blake3/" + KnownLedger.HASH
                                + "|null|event|null|" + c1 + "|message/envelope.json#/payload/doc",
                        "opaque_pointer|blake3:" + KnownLedger.HASH + "|blake3|1024|s3://bucket/key|gatos://cap/1|state|"
                                + s2 + "|" + s2 + "|state/orders.json#/items/0/blob");
    }

    @Test
    void derivesEveryJobStatus() throws SQLException {
        for (var job : ledger.jobs.entrySet()) {
            String expected = job.getKey().equals("poe-fail") ? "failed" : job.getKey();
            assertThat(one(conn, "SELECT status FROM jobs WHERE id = 'blake3:" + job.getValue() + "'"))
                    .as(job.getKey()).isEqualTo(expected);
        }
        assertThat(one(conn, "SELECT started_at IS NULL, finished_at IS NULL, JSON_VALUE(manifest, '$.command')"
                + " FROM jobs WHERE id = 'blake3:" + ledger.jobs.get("poe-fail") + "'")).isEqualTo("false|false|test");
        assertThat(one(conn, "SELECT COUNT(*) FROM jobs")).isEqualTo("7");
    }

    @Test
    void derivesEveryProposalState() throws SQLException {
        for (var p : ledger.proposals.entrySet()) {
            int approvals = switch (p.getKey()) {
                case "partial", "revoked" -> 1;
                case "granted" -> 2;
                default -> 0;
            };
            assertThat(one(conn, "SELECT state, approvals FROM governance_proposals WHERE id = 'blake3:"
                    + p.getValue() + "'")).as(p.getKey()).isEqualTo(p.getKey() + "|" + approvals);
        }
        assertThat(one(conn, "SELECT COUNT(*) FROM governance_approvals")).isEqualTo("4");
        assertThat(one(conn, "SELECT reason FROM governance_revocations")).isEqualTo("compromised key");
    }

    @Test
    void countsCommitsPerPlane() throws SQLException {
        assertThat(rows(conn, "SELECT plane, COUNT(*) FROM commits GROUP BY plane ORDER BY plane")).containsExactly(
                "approval|4", "audit|1", "consumer|3", "grant|2", "job|17", "journal|7", "policy|1", "proposal|5",
                "revocation|1", "shiplog|6", "state|2");
        assertThat(one(conn, "SELECT ref FROM commits WHERE id = '" + ledger.commits.get("a1").name() + "'"))
                .isEqualTo("refs/gatos/journal/orders/alice");
    }

    @Test
    void findsMalformedJsonAndContentIdMismatch() throws SQLException {
        assertThat(rows(conn, "SELECT code, ref, commit_id, path FROM findings ORDER BY code")).containsExactly(
                "BAD_JSON|refs/gatos/journal/billing/mallory|" + ledger.commits.get("bad").name()
                        + "|message/envelope.json",
                "CONTENT_ID_MISMATCH|refs/gatos/shiplog/tampered/head|" + ledger.commits.get("t1").name()
                        + "|message/envelope.json");
    }

    @Test
    void listsRefsWithTheirTargetsAndPlanes() throws SQLException {
        assertThat(one(conn, "SELECT target_type, plane FROM refs WHERE name = 'refs/gatos/consumers/g2/billing'"))
                .isEqualTo("blob|consumer");
        assertThat(one(conn, "SELECT COUNT(*) FROM refs WHERE plane = 'journal'")).isEqualTo("4");
    }

    @Test
    void readsTheShiplogWithShiplogRead() throws SQLException {
        assertThat(rows(conn, "SELECT ulid, pos, topic, commit_id FROM TABLE(shiplog_read('billing', '"
                + ledger.ulids.get("m1") + "', 10))")).containsExactly(
                        ledger.ulids.get("m2") + "|1|billing|" + ledger.commits.get("m2").name(),
                        ledger.ulids.get("m3") + "|2|billing|" + ledger.commits.get("m3").name());
        String sql = "SELECT ulid FROM TABLE(shiplog_read('billing', %s, %s))";
        assertThat(rows(conn, sql.formatted("'" + KnownLedger.UNKNOWN_ULID + "'", "2")))
                .containsExactly(ledger.ulids.get("m1"), ledger.ulids.get("m2"));
        assertThat(rows(conn, sql.formatted("CAST(NULL AS VARCHAR)", "0"))).containsExactly(ledger.ulids.get("m1"));
        assertThat(rows(conn, sql.formatted("CAST(NULL AS VARCHAR)", "100000"))).hasSize(3);
        assertThatThrownBy(() -> rows(conn, sql.formatted("'not-a-ulid'", "5")))
                .hasMessageContaining("since_ulid 'not-a-ulid' is not a ULID");
        assertThatThrownBy(() -> rows(conn, "SELECT * FROM TABLE(shiplog_read('nope', CAST(NULL AS VARCHAR), 5))"))
                .hasMessageContaining("topic 'nope' does not exist");
    }
}
