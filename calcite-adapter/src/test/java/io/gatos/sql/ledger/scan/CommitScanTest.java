package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.CommitRecord;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.TopicSpelling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitScanTest {
    private static final String IDENT = "gatos-ledger <ledger@gatos.local>";
    private static final String ALICE = "refs/gatos/journal/orders/alice";
    private static final String BOB = "refs/gatos/journal/orders/bob";

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    private List<CommitRecord> scan(LedgerSnapshot s, Set<String> ids) {
        try (Stream<CommitRecord> rows = CommitScan.stream(s, ids, findings::add)) {
            return rows.toList();
        }
    }

    private static Map<String, String> refById(List<CommitRecord> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> assertThat(out.put(r.id(), r.ref())).as("reported once: " + r.id()).isNull());
        return out;
    }

    @Test
    void everyCommitOnceUnderTheFirstRefWhoseHistoryHoldsIt() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            var w = repo.writer();
            ObjectId a1 = repo.event("orders", "alice", "a1", "{}");
            ObjectId a2 = repo.event("orders", "alice", "a2", "{}");
            ObjectId b1 = repo.event("orders", "bob", "b1", "{}");
            ObjectId merge = w.appendMerge("orders", "alice", b1, repo.eventSpec("alice", "m", "{}"));
            w.setRef("refs/gatos/audit/early", a1);
            w.setRef("refs/gatos/zz/late", a2);
            ObjectId m1 = w.appendMessage("tasks", repo.messageSpec("tasks", "note", "{}")
                    .withSpelling(TopicSpelling.MESSAGES));
            w.checkpointBlob("g", "tasks", m1.name(), null);
            ObjectId odd = w.commit("refs/gatos/weird/thing", Map.of(), "weird\n", List.of(), repo.tick());
            ObjectId outside = w.commit("refs/heads/main", Map.of(), "branch\n", List.of(), repo.tick());

            List<CommitRecord> rows = scan(repo.snapshot(), null);
            assertThat(refById(rows)).containsExactly(
                    Map.entry(a1.name(), "refs/gatos/audit/early"),
                    Map.entry(merge.name(), ALICE),
                    Map.entry(a2.name(), ALICE),
                    Map.entry(b1.name(), ALICE),
                    Map.entry(m1.name(), "refs/gatos/messages/tasks/head"),
                    Map.entry(odd.name(), "refs/gatos/weird/thing"));
            assertThat(rows).extracting(CommitRecord::plane).containsExactly("audit", "journal", "journal", "journal",
                    "shiplog", "other");
            assertThat(rows).extracting(CommitRecord::id).doesNotContain(outside.name());
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void aRecordCarriesTheCommitHeadersAndTrailersWithRepeatedKeysAsArrays() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            var w = repo.writer();
            Instant t = repo.tick();
            String message = "policy denied\n\nKey: a\nOther: c\nKey: b\n";
            ObjectId c = w.commit("refs/gatos/audit/denials", Map.of("x.json", "{}".getBytes(StandardCharsets.UTF_8)),
                    message, List.of(), t);
            ObjectId root = repo.event("orders", "alice", "a1", "{}");
            ObjectId child = repo.event("orders", "alice", "a2", "{}");
            ObjectId merge = w.appendMerge("orders", "alice", c, repo.eventSpec("alice", "m", "{}"));
            RevCommit rev = repo.commitAt(c.name());

            List<CommitRecord> rows = scan(repo.snapshot(), null);
            assertThat(rows).extracting(CommitRecord::id).containsExactly(c.name(), merge.name(), child.name(),
                    root.name());
            assertThat(rows.get(0)).isEqualTo(new CommitRecord(c.name(), null, 0, IDENT, IDENT, t.toEpochMilli(),
                    message, "{\"Key\":[\"a\",\"b\"],\"Other\":\"c\"}", rev.getTree().name(), "audit",
                    "refs/gatos/audit/denials"));
            assertThat(rows.get(1)).extracting(CommitRecord::parentId, CommitRecord::parentCount)
                    .containsExactly(child.name(), 2);
            assertThat(rows.get(2)).extracting(CommitRecord::parentId, CommitRecord::parentCount)
                    .containsExactly(root.name(), 1);
            assertThat(rows.get(3).trailers()).startsWith("{\"Event-CID\":\"blake3:");
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void planesFollowTheRefPrefix() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            repo.event("orders", "alice", "a1", "{}");
            repo.message("tasks", "{}");
            repo.checkpoint("g", "tasks", null, null);
            repo.state("orders", Map.of("state/orders.json", "{}"));
            repo.job("build", "succeeded");
            String p = repo.proposal("1-of-1", Instant.parse("2030-01-01T00:00:00Z"));
            repo.approve(p, "user:bob");
            repo.revoke(repo.grant(p), "oops");
            repo.policy("bundle1");
            repo.audit("log", "audit\n");
            repo.writer().commit("refs/gatos/cache/idx", Map.of(), "cache\n", List.of(), repo.tick());
            repo.writer().commit("refs/gatos/unknown/x", Map.of(), "new plane\n", List.of(), repo.tick());

            Map<String, String> planeByRef = new java.util.TreeMap<>();
            scan(repo.snapshot(), null).forEach(r -> planeByRef.put(r.ref(), r.plane()));
            assertThat(planeByRef.values()).containsExactlyInAnyOrder("journal", "shiplog", "consumer", "state",
                    "job", "job", "job", "proposal", "approval", "grant", "revocation", "policy", "audit", "cache",
                    "other");
            planeByRef.forEach((ref, plane) -> assertThat(Plane.of(ref).sqlName()).isEqualTo(plane));
            assertThat(planeByRef).containsEntry("refs/gatos/unknown/x", "other")
                    .containsEntry("refs/gatos/consumers/g/tasks", "consumer")
                    .containsEntry("refs/gatos/policies/active", "policy")
                    .doesNotContainKey("refs/gatos/policies/bundle1");
        }
    }

    @Test
    void anIdRestrictionReturnsThatCommitUnderItsRefAndStopsWhenFound() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId a1 = repo.event("orders", "alice", "a1", "{}");
            ObjectId a2 = repo.event("orders", "alice", "a2", "{}");
            for (int i = 0; i < 20; i++) {
                repo.event("orders", "bob", "b", "{}");
            }
            ObjectId b21 = repo.event("orders", "bob", "b", "{}");
            repo.writer().setRef("refs/gatos/zz/copy", a1);
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                LedgerSnapshot s = reader.snapshot();
                long before = reader.stats().commits();
                List<CommitRecord> one = scan(s, Set.of(a2.name()));
                assertThat(one).extracting(CommitRecord::id, CommitRecord::ref, CommitRecord::parentId)
                        .containsExactly(tuple(a2.name(), ALICE, a1.name()));
                assertThat(reader.stats().commits() - before).as("the walk stops at the commit").isEqualTo(1);

                assertThat(scan(s, Set.of(a1.name(), b21.name()))).extracting(CommitRecord::id, CommitRecord::ref)
                        .containsExactly(tuple(a1.name(), ALICE),
                                tuple(b21.name(), BOB));
                assertThat(scan(s, Set.of("not a commit id", a1.name().toUpperCase()))).isEmpty();
                assertThat(scan(s, Set.of("ff".repeat(20)))).isEmpty();
            }
        }
    }

    @Test
    void aMissingParentIsAFindingAndTheRestStillReads() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId missing = ObjectId.fromString("dead".repeat(10));
            ObjectId cut = repo.writer().commit("refs/gatos/journal/shallow/x", Map.of(), "cut\n", List.of(missing),
                    repo.tick());
            ObjectId fine = repo.event("zz", "a", "t", "{}");
            List<CommitRecord> rows = scan(repo.snapshot(), null);
            assertThat(rows).extracting(CommitRecord::id).containsExactly(cut.name(), fine.name());
            assertThat(rows.get(0).parentId()).isEqualTo(missing.name());
            assertThat(findings).containsExactly(new Finding("refs/gatos/journal/shallow/x", missing.name(), null,
                    FindingCode.MISSING_OBJECT, "commit " + missing.name() + " reachable from "
                            + "refs/gatos/journal/shallow/x is missing (shallow or partial clone?)"));
        }
    }

    @Test
    void aBasedScanYieldsExactlyTheCommitsNotReachableFromTheBaseHeads() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            Set<String> expected = new java.util.HashSet<>(l.reachable(l.after()));
            expected.removeAll(l.reachable(l.before()));
            List<CommitRecord> added = l.added(s -> CommitScan.stream(s, null, findings::add), CommitRecord::id);
            assertThat(added).extracting(CommitRecord::id).containsExactlyInAnyOrderElementsOf(expected).hasSize(6);
            LedgerSnapshot based = l.based();
            ReadStats stats = l.reader().stats();
            long commits = stats.commits();
            assertThat(scan(based, null)).containsExactlyElementsOf(added);
            assertThat(stats.commits() - commits).as("the new commits, no base head").isEqualTo(6);
            assertThat(findings).isEmpty();
        }
    }
}
