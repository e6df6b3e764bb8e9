package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceColumnsTest {
    private static final String SOURCE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void eventsAndShiplogShowSourceTrailersAndNullWithout() throws Exception {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            ObjectId plain = repo.event("orders", "alice", "order.created", "{}");
            repo.message("alerts", "{\"n\":1}");
            ObjectId event = appendWithSource(repo, "refs/gatos/journal/orders/alice", 7);
            ObjectId message = appendWithSource(repo, "refs/gatos/shiplog/alerts/head", 3);
            try (Connection c = DriverManager.getConnection(repo.jdbcUrl())) {
                assertThat(rows(c, "SELECT commit_id, source_pos, source_commit FROM events ORDER BY pos"))
                        .containsExactly(Arrays.asList(plain.name(), null, null), List.of(event.name(), "7", SOURCE));
                assertThat(rows(c, "SELECT commit_id, source_pos, source_commit FROM shiplog WHERE source_pos"
                        + " IS NOT NULL")).containsExactly(List.of(message.name(), "3", SOURCE));
            }
        }
    }

    /** Appends a copy of {@code ref}'s tip with Source-Pos and Source-Commit trailers added to its message. */
    private static ObjectId appendWithSource(LedgerTestRepository repo, String ref, long pos) throws Exception {
        Repository git = repo.writer().repository();
        try (RevWalk walk = new RevWalk(git); ObjectInserter inserter = git.newObjectInserter()) {
            RevCommit tip = walk.parseCommit(git.resolve(ref));
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tip.getTree());
            commit.setParentId(tip);
            PersonIdent who = tip.getCommitterIdent();
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(tip.getFullMessage().stripTrailing() + "\nSource-Pos: " + pos + "\nSource-Commit: "
                    + SOURCE + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = git.updateRef(ref);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(tip);
            assertThat(update.update()).isIn(RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.FORCED);
            return id;
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }
}
