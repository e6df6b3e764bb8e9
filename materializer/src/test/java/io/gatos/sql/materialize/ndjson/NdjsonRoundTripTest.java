package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves issue 7's round trip: export a window of two namespaces, import it, compare through SQL. */
class NdjsonRoundTripTest {
    private static final String ROW = "SELECT id, ns, actor, \"stream\", kind, payload, caps, event_cid,"
            + " COALESCE(source_pos, pos) AS src_pos, COALESCE(source_commit, commit_id) AS src_commit FROM events";

    @TempDir
    Path dir;

    @Test
    void aWindowOfTwoNamespacesImportsWithTheSameUlidsEnvelopesAndPayloads() throws Exception {
        try (LedgerTestRepository source = ledger(dir.resolve("source.git"))) {
            Instant since = LedgerTestRepository.BASE_TIME.plusSeconds(5);
            Instant until = LedgerTestRepository.BASE_TIME.plusSeconds(25);
            Path file = dir.resolve("window.ndjson");
            NdjsonExporter.exportToFile(source.path(), new NdjsonExporter.Selection(List.of("orders", "billing"),
                    List.of(), since, until), file, false, ExportObserver.NONE);
            Path target = emptyRepository(dir.resolve("target.git"));
            try (InputStream in = Files.newInputStream(file)) {
                NdjsonImporter.run(target, in, 0, null);
            }
            List<String> expected = rows(source.jdbcUrl(), ROW + " WHERE ns IN ('orders', 'billing') AND ts >= TIMESTAMP '"
                    + sql(since) + "' AND ts < TIMESTAMP '" + sql(until) + "'");
            assertThat(expected).hasSizeGreaterThan(10);
            assertThat(rows("jdbc:gatos:repo=" + target, ROW)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(envelopes(target)).as("envelope blobs are byte for byte the source's")
                    .isSubsetOf(envelopes(source.path())).hasSize(expected.size());
        }
    }

    @Test
    void aFullJournalImportReproducesTheSourceCommitIds() throws Exception {
        try (LedgerTestRepository source = ledger(dir.resolve("source.git"))) {
            Path file = dir.resolve("all.ndjson");
            NdjsonExporter.exportToFile(source.path(), NdjsonExporter.Selection.all(), file, false,
                    ExportObserver.NONE);
            Path target = emptyRepository(dir.resolve("target.git"));
            try (InputStream in = Files.newInputStream(file)) {
                NdjsonImporter.run(target, in, 0, null);
            }
            assertThat(heads(target)).isEqualTo(heads(source.path())).isNotEmpty();
            assertThat(rows("jdbc:gatos:repo=" + target, "SELECT count(*) FROM events WHERE source_pos IS NOT NULL"))
                    .containsExactly("[0]");
        }
    }

    @Test
    void unreadableEnvelopesAreCarriedByteForByteInTheirPlaceSoEveryJournalIsReproduced() throws Exception {
        try (LedgerTestRepository source = ledger(dir.resolve("source.git"))) {
            Instant t = LedgerTestRepository.BASE_TIME.plusSeconds(100);
            // one stream holding only an unreadable envelope, and one where it sits between two readable events
            source.writer().appendRawEvent("broken", "eve", "broken.event", "not json".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), t);
            source.event("orders", "alice", "thing.happened", "{\"before\":true}");
            source.writer().appendRawEvent("orders", "alice", "broken.event", "{\"no\":\"ulid\"".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), t.plusSeconds(1));
            source.event("orders", "alice", "thing.happened", "{\"after\":true}");
            Path file = dir.resolve("all.ndjson");
            NdjsonExporter.exportToFile(source.path(), NdjsonExporter.Selection.all(), file, false,
                    ExportObserver.NONE);
            Path target = emptyRepository(dir.resolve("target.git"));
            NdjsonImporter.Result result;
            try (InputStream in = Files.newInputStream(file)) {
                result = NdjsonImporter.run(target, in, 0, null);
            }
            assertThat(heads(target)).isEqualTo(heads(source.path())).containsKey("refs/gatos/journal/broken/eve");
            String all = "SELECT id, \"stream\", pos, commit_id, kind, payload, error FROM events ORDER BY commit_id";
            assertThat(rows("jdbc:gatos:repo=" + target, all)).isEqualTo(rows(source.jdbcUrl(), all));
            assertThat(result.warnings()).hasSize(2).allMatch(w -> w.matches("line \\d+: .*unreadable envelope.*"));
        }
    }

    private static LedgerTestRepository ledger(Path path) {
        LedgerTestRepository repo = LedgerTestRepository.create(path);
        String[][] who = {{"orders", "alice"}, {"orders", "bob"}, {"billing", "carol"}, {"ops", "dave"}};
        for (int i = 0; i < 32; i++) {
            String[] w = who[i % who.length];
            repo.event(w[0], w[1], "thing.happened", "{\"i\":" + i + ",\"text\":\"\u00e9\u6f22\ud83d\ude00\"}");
            if (i % 8 == 0) {
                repo.message("alerts", "{\"i\":" + i + "}");
            }
        }
        return repo;
    }

    private static Path emptyRepository(Path path) throws Exception {
        try (Repository git = new FileRepositoryBuilder().setGitDir(path.toFile()).build()) {
            git.create(true);
        }
        return path;
    }

    private static String sql(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "");
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Returns the blob ids of message/envelope.json of every journal commit. */
    private static List<String> envelopes(Path repo) throws Exception {
        List<String> out = new ArrayList<>();
        try (Repository git = new FileRepositoryBuilder().setGitDir(repo.toFile()).build();
                RevWalk walk = new RevWalk(git)) {
            for (Ref ref : git.getRefDatabase().getRefsByPrefix("refs/gatos/journal/")) {
                walk.reset();
                walk.markStart(walk.parseCommit(ref.getObjectId()));
                for (var commit : walk) {
                    try (TreeWalk tree = TreeWalk.forPath(git, "message/envelope.json", commit.getTree())) {
                        out.add(tree.getObjectId(0).name());
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, ObjectId> heads(Path repo) throws Exception {
        Map<String, ObjectId> out = new TreeMap<>();
        try (Repository git = new FileRepositoryBuilder().setGitDir(repo.toFile()).build()) {
            for (String prefix : List.of("refs/gatos/journal/", "refs/gatos/shiplog/", "refs/gatos/messages/")) {
                for (Ref ref : git.getRefDatabase().getRefsByPrefix(prefix)) {
                    out.put(ref.getName(), ref.getObjectId());
                }
            }
        }
        return out;
    }
}
