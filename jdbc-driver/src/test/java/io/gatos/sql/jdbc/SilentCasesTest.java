package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds ledgers whose oddities the readers used to take silently (issue 15: refs of the wrong
 * shape, a malformed ULID, commit times that do not fit, an unpaired surrogate) and checks through
 * the driver that each is a finding and that the rows are the same with the row cache on and off.
 */
class SilentCasesTest {
    private static final String ENVELOPE = "message/envelope.json";
    private static final String FINDINGS = "SELECT code, ref, commit_id, path, message FROM findings ORDER BY code, ref, path";

    @TempDir
    Path dir;

    private LedgerTestRepository repo;

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        repo.event("orders", "alice", "order.created", "{\"a\":1}");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    /** Returns the rows of {@code sql} without the cache, after checking a cold and a warm cache answer alike. */
    private List<String> same(String sql) throws SQLException {
        List<String> truth = query(repo.jdbcUrl() + ";cache=false", sql);
        assertThat(query(repo.jdbcUrl(), sql)).as("cold cache").isEqualTo(truth);
        assertThat(query(repo.jdbcUrl(), sql)).as("warm cache").isEqualTo(truth);
        return truth;
    }

    private static List<String> query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return rows(c, sql);
        }
    }

    private ObjectId commitOf(String ref, String envelope) {
        return repo.writer().commit(ref, Map.of(ENVELOPE, envelope.getBytes(StandardCharsets.UTF_8)),
                "x\n\nEvent-CID: blake3:00", List.of(), repo.tick());
    }

    private String envelope(String ulid, String type, String payload) {
        return "{\"actor\":\"user:a\",\"payload\":" + payload + ",\"type\":\"" + type + "\",\"ulid\":\"" + ulid + "\"}";
    }

    @Test
    void refsOfTheWrongShapeUnderAPlanePrefixAreFindings() throws SQLException {
        String ok = envelope(repo.ulid(repo.tick()), "x", "{}");
        ObjectId solo = commitOf("refs/gatos/journal/solo", ok);
        ObjectId deep = commitOf("refs/gatos/journal/a/b/c", ok);
        ObjectId state = commitOf("refs/gatos/state/a/b", "{}");
        ObjectId consumer = commitOf("refs/gatos/consumers/lonely", "{}");
        ObjectId topic = commitOf("refs/gatos/shiplog/billing/tail", "{}");
        ObjectId job = commitOf("refs/gatos/jobs/abc/oops", "{}");

        assertThat(same("SELECT \"stream\" FROM events")).containsExactly("orders/alice");
        List<String> findings = same(FINDINGS);
        assertThat(findings).filteredOn(f -> !f.startsWith("BAD_REF|")).isEmpty();
        assertThat(findings).extracting(f -> f.substring(0, f.indexOf("|null|"))).containsExactly(
                "BAD_REF|refs/gatos/consumers/lonely|" + consumer.name(),
                "BAD_REF|refs/gatos/jobs/abc/oops|" + job.name(),
                "BAD_REF|refs/gatos/journal/a/b/c|" + deep.name(),
                "BAD_REF|refs/gatos/journal/solo|" + solo.name(),
                "BAD_REF|refs/gatos/shiplog/billing/tail|" + topic.name(),
                "BAD_REF|refs/gatos/state/a/b|" + state.name());
        assertThat(findings.get(3)).contains("refs/gatos/journal/<ns>/<actor>", "1 segment", "not read");
        assertThat(findings.get(2)).contains("refs/gatos/journal/<ns>/<actor>", "3 segments");
    }

    @Test
    void aMalformedUlidKeepsItsRowAndIsAFinding() throws SQLException {
        ObjectId bad = repo.writer().appendRawEvent("orders", "bob", "order.odd",
                envelope("not-a-ulid!!", "order.odd", "{\"b\":2}").getBytes(StandardCharsets.UTF_8), repo.tick());

        assertThat(same("SELECT id, kind, payload, error FROM events WHERE commit_id = '" + bad.name() + "'"))
                .containsExactly("not-a-ulid!!|order.odd|{\"b\":2}|null");
        assertThat(same(FINDINGS)).containsExactly("BAD_ULID|refs/gatos/journal/orders/bob|" + bad.name() + "|"
                + ENVELOPE + "|envelope ulid 'not-a-ulid!!' is not a ULID (26 upper-case Crockford base32"
                + " characters); the event keeps it as its id");
    }

    private ObjectId rawCommit(String committerTime) throws Exception {
        ObjectId tree;
        ObjectId commit;
        try (ObjectInserter ins = repo.repository().newObjectInserter()) {
            String env = envelope(repo.ulid(repo.tick()), "clock.odd", "{}");
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, env.getBytes(StandardCharsets.UTF_8));
            ObjectId message = ins.insert(Constants.OBJ_TREE, tree("100644 envelope.json", blob));
            tree = ins.insert(Constants.OBJ_TREE, tree("40000 message", message));
            String raw = "tree " + tree.name() + "\nauthor A <a@x> " + committerTime + " +0000\ncommitter A <a@x> "
                    + committerTime + " +0000\n\nclock.odd\n";
            commit = ins.insert(Constants.OBJ_COMMIT, raw.getBytes(StandardCharsets.UTF_8));
            ins.flush();
        }
        return commit;
    }

    private static byte[] tree(String modeAndName, ObjectId id) {
        byte[] head = (modeAndName + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + Constants.OBJECT_ID_LENGTH];
        System.arraycopy(head, 0, out, 0, head.length);
        id.copyRawTo(out, head.length);
        return out;
    }

    @Test
    void commitTimesThatDoNotFitAreFindingsAndReadAsTheEpoch() throws Exception {
        ObjectId huge = rawCommit("9223372036854775807");
        ObjectId garbage = rawCommit("soon");
        repo.writer().setRef("refs/gatos/journal/clock/huge", huge);
        repo.writer().setRef("refs/gatos/journal/clock/garbage", garbage);

        assertThat(same("SELECT \"stream\", ts FROM events WHERE ns = 'clock' ORDER BY \"stream\""))
                .containsExactly("clock/garbage|1970-01-01 00:00:00.000", "clock/huge|1970-01-01 00:00:00.000");
        assertThat(same("SELECT ts FROM commits WHERE id IN ('" + huge.name() + "', '" + garbage.name() + "')"))
                .containsExactly("1970-01-01 00:00:00.000", "1970-01-01 00:00:00.000");
        assertThat(same(FINDINGS)).containsExactly(
                "BAD_TIME|refs/gatos/journal/clock/garbage|" + garbage.name() + "|null|committer time 'soon' is not"
                        + " a number of seconds since the epoch; ts reads as 1970-01-01T00:00:00Z",
                "BAD_TIME|refs/gatos/journal/clock/huge|" + huge.name() + "|null|committer time '9223372036854775807'"
                        + " is outside 0001-01-01..9999-12-31; ts reads as 1970-01-01T00:00:00Z");
    }

    @Test
    void anEnvelopeTsThatIsNoTimeIsAFinding() throws SQLException {
        String env = "{\"actor\":\"user:a\",\"payload\":{},\"ts\":\"yesterday\",\"type\":\"x\",\"ulid\":\""
                + repo.ulid(repo.tick()) + "\"}";
        ObjectId bad = repo.writer().appendRawEvent("orders", "bob", "x", env.getBytes(StandardCharsets.UTF_8),
                repo.tick());
        assertThat(same("SELECT ts FROM events WHERE commit_id = '" + bad.name() + "'"))
                .containsExactly("2026-01-01 00:00:02.000");
        assertThat(same(FINDINGS)).containsExactly("BAD_TIME|refs/gatos/journal/orders/bob|" + bad.name() + "|"
                + ENVELOPE + "#/ts|envelope ts 'yesterday' is not an RFC 3339 time; ts reads as the committer time");
    }

    @Test
    void anUnpairedSurrogateIsAFindingAndStaysAnEscapeInJson() throws SQLException {
        String env = envelope(repo.ulid(repo.tick()), "odd\\udc00", "{\"s\":\"a\\ud800\",\"ok\":\"\\ud83d\\ude00\"}");
        ObjectId bad = repo.writer().appendRawEvent("orders", "bob", "odd", env.getBytes(StandardCharsets.UTF_8),
                repo.tick());

        assertThat(same("SELECT kind, payload, error FROM events WHERE commit_id = '" + bad.name() + "'"))
                .containsExactly("odd\ufffd|{\"ok\":\"\ud83d\ude00\",\"s\":\"a\\ud800\"}|null");
        assertThat(same(FINDINGS)).containsExactly(
                "BAD_TEXT|refs/gatos/journal/orders/bob|" + bad.name() + "|" + ENVELOPE + "#/payload/s|the string"
                        + " holds an unpaired UTF-16 surrogate (\\ud800), which is no Unicode character; JSON columns"
                        + " keep it as that escape, text columns show U+FFFD",
                "BAD_TEXT|refs/gatos/journal/orders/bob|" + bad.name() + "|" + ENVELOPE + "#/type|the string"
                        + " holds an unpaired UTF-16 surrogate (\\udc00), which is no Unicode character; JSON columns"
                        + " keep it as that escape, text columns show U+FFFD");
    }
}
