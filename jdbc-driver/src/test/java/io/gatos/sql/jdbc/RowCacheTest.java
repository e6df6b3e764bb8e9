package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.one;
import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.cache.SegmentFile;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves through the driver that the row cache changes no answer, and is off with cache=false. */
class RowCacheTest {
    private static final int EVENTS = 160;
    private static final List<String> QUERIES = List.of(
            "SELECT * FROM events",
            "SELECT ns, \"stream\", COUNT(*), MAX(pos) FROM events GROUP BY ns, \"stream\" ORDER BY ns, \"stream\"",
            "SELECT id, ts, kind, pos FROM events ORDER BY ts DESC, id DESC LIMIT 7",
            "SELECT id, payload FROM events WHERE ns = 'billing' ORDER BY ts DESC LIMIT 3",
            "SELECT kind, COUNT(*) FROM events WHERE ts >= TIMESTAMP '2026-01-01 00:00:20' GROUP BY kind ORDER BY kind",
            "SELECT e.id, c.ts FROM events e JOIN commits c ON c.id = e.commit_id ORDER BY e.id");

    @TempDir
    Path dir;

    private LedgerTestRepository repo;

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < EVENTS; i++) { // enough that journals reach the cache's shortest region
            repo.event(i % 4 == 0 ? "billing" : "orders", i % 3 == 0 ? "bob" : "alice", "k" + i % 5, "{\"i\":" + i + "}");
        }
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private List<List<String>> answers(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            List<List<String>> all = new java.util.ArrayList<>();
            for (String q : QUERIES) {
                List<String> answer = rows(c, q);
                all.add(q.contains("ORDER BY") ? answer : answer.stream().sorted().toList()); // no order asked
            }
            return all;
        }
    }

    private Path cacheDir() {
        return repo.path().resolve(SegmentStore.DIR).resolve(SegmentStore.VERSION_DIR);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir())) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void cachedAndUncachedConnectionsAnswerAlike() throws Exception {
        List<List<String>> truth = answers(repo.jdbcUrl() + ";cache=false");
        assertThat(repo.path().resolve(SegmentStore.DIR)).doesNotExist();
        assertThat(answers(repo.jdbcUrl())).isEqualTo(truth); // cold
        assertThat(segments()).isNotEmpty();
        assertThat(answers(repo.jdbcUrl())).isEqualTo(truth); // warm
    }

    @Test
    void anEnvelopeBlobDeletedAfterCachingGivesTheUncachedErrorRow() throws Exception {
        answers(repo.jdbcUrl()); // cached
        org.eclipse.jgit.lib.ObjectId commit = repo.commitAt("refs/gatos/journal/orders/alice");
        org.eclipse.jgit.lib.ObjectId blob;
        try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(repo.repository(), "message/envelope.json",
                repo.repository().parseCommit(commit).getTree())) {
            blob = walk.getObjectId(0);
        }
        Files.delete(repo.path().resolve("objects").resolve(blob.name().substring(0, 2))
                .resolve(blob.name().substring(2)));
        String q = "SELECT commit_id, id, actor, payload, error FROM events ORDER BY commit_id";
        List<String> truth;
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl() + ";cache=false")) {
            truth = rows(c, q);
        }
        assertThat(truth).filteredOn(r -> r.startsWith(commit.name())).singleElement().asString()
                .contains("is missing");
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
            assertThat(rows(c, q)).isEqualTo(truth);
        }
    }

    @Test
    void aCorruptedCacheFileIsDetectedAndRebuilt() throws Exception {
        List<List<String>> truth = answers(repo.jdbcUrl() + ";cache=false");
        answers(repo.jdbcUrl());
        for (Path f : segments()) {
            byte[] bytes = Files.readAllBytes(f);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(f, bytes);
        }
        assertThat(answers(repo.jdbcUrl())).isEqualTo(truth);
        for (Path f : segments()) {
            assertThat(SegmentFile.readBody(f)).as(f.toString()).isNotEmpty(); // throws when damaged
        }
    }

    @Test
    void commitsAppendedBetweenTwoQueriesAreSeenByTheSecond() throws Exception {
        try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
            assertThat(one(c, "SELECT COUNT(*) FROM events")).isEqualTo(String.valueOf(EVENTS));
            rows(c, "SELECT id FROM events ORDER BY ts DESC, id DESC LIMIT 2");
            repo.event("orders", "alice", "late", "{\"i\":99}");
            repo.event("audit", "carol", "new.journal", "{}");
            assertThat(one(c, "SELECT COUNT(*) FROM events")).isEqualTo(String.valueOf(EVENTS + 2));
            assertThat(rows(c, "SELECT kind FROM events ORDER BY ts DESC, id DESC LIMIT 2"))
                    .containsExactly("new.journal", "late");
        }
        assertThat(answers(repo.jdbcUrl())).isEqualTo(answers(repo.jdbcUrl() + ";cache=false"));
    }

    @Test
    void badCachePropertiesAreRefusedNamingTheFix() {
        assertThatThrownBy(() -> DriverManager.getConnection(repo.jdbcUrl() + ";cache=maybe"))
                .isInstanceOf(SQLException.class).hasMessageContaining("cache=true or cache=false");
        assertThatThrownBy(() -> DriverManager.getConnection(repo.jdbcUrl() + ";cache.max-bytes=lots"))
                .isInstanceOf(SQLException.class).hasMessageContaining("512m");
    }
}
