package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainWalkTest {
    private static final String REF = "refs/gatos/journal/orders/alice";

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    private static List<String> drain(ChainWalk walk) throws IOException {
        List<String> ids = new ArrayList<>();
        GitCommit c;
        while ((c = walk.next()) != null) {
            ids.add(c.id());
        }
        assertThat(walk.next()).as("stays at its end").isNull();
        return ids;
    }

    @Test
    void walksALinearHistoryNewestFirstAndCountsIt() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.event("orders", "alice", "a", "{}");
            ObjectId c2 = repo.event("orders", "alice", "b", "{}");
            ObjectId c3 = repo.event("orders", "alice", "c", "{}");
            LedgerSnapshot s = repo.snapshot();
            try (GitObjects objects = s.openObjects()) {
                ChainWalk walk = new ChainWalk(objects, REF, c3, FindingCode.MERGE_IN_JOURNAL, findings::add);
                assertThat(drain(walk)).containsExactly(c3.name(), c2.name(), c1.name());
                assertThat(ChainWalk.length(objects, c3)).isEqualTo(3);
                assertThat(ChainWalk.length(objects, c2)).isEqualTo(2);
                assertThat(ChainWalk.length(objects, null)).isZero();
                assertThat(new ChainWalk(objects, REF, null, null, findings::add).next()).isNull();
            }
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void aMergeIsReportedWithTheGivenCodeAndTheFirstParentFollowed() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId a1 = repo.event("orders", "alice", "a1", "{}");
            ObjectId a2 = repo.event("orders", "alice", "a2", "{}");
            ObjectId b1 = repo.event("orders", "bob", "b1", "{}");
            ObjectId b2 = repo.event("orders", "bob", "b2", "{}");
            ObjectId merge = repo.writer().appendMerge("orders", "alice", b2, repo.eventSpec("alice", "m", "{}"));
            LedgerSnapshot s = repo.snapshot();
            try (GitObjects objects = s.openObjects()) {
                assertThat(drain(new ChainWalk(objects, REF, merge, FindingCode.MERGE_IN_JOURNAL, findings::add)))
                        .containsExactly(merge.name(), a2.name(), a1.name()).doesNotContain(b1.name(), b2.name());
                assertThat(findings).containsExactly(new Finding(REF, merge.name(), null, FindingCode.MERGE_IN_JOURNAL,
                        "merge commit with 2 parents in " + REF + "; only the first parent is followed"));
                assertThat(ChainWalk.length(objects, merge)).isEqualTo(3);

                findings.clear();
                assertThat(drain(new ChainWalk(objects, REF, merge, null, findings::add))).hasSize(3);
                assertThat(findings).as("no code, no finding").isEmpty();
            }
        }
    }

    @Test
    void aMissingParentEndsTheWalkWithAMissingObjectFinding() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId missing = ObjectId.fromString("dead".repeat(10));
            ObjectId cut = repo.writer().commit(REF, Map.of(), "cut\n", List.of(missing), repo.tick());
            ObjectId top = repo.event("orders", "alice", "top", "{}");
            LedgerSnapshot s = repo.snapshot();
            try (GitObjects objects = s.openObjects()) {
                assertThat(drain(new ChainWalk(objects, REF, top, null, findings::add)))
                        .containsExactly(top.name(), cut.name());
                assertThat(findings).containsExactly(new Finding(REF, missing.name(), null, FindingCode.MISSING_OBJECT,
                        "commit " + missing.name() + " is missing (shallow or partial clone?); history of " + REF
                                + " ends here"));
                assertThat(ChainWalk.length(objects, top)).isEqualTo(2);
                assertThat(ChainWalk.length(objects, missing)).isZero();

                findings.clear();
                assertThat(drain(new ChainWalk(objects, REF, missing, null, findings::add))).isEmpty();
                assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.MISSING_OBJECT);
            }
        }
    }

    @Test
    void aHeadThatIsNotACommitIsAnUnexpectedObject() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId blob = repo.writer().blob("not a commit".getBytes(StandardCharsets.UTF_8));
            repo.event("orders", "alice", "keep the repository a ledger", "{}");
            LedgerSnapshot s = repo.snapshot();
            try (GitObjects objects = s.openObjects()) {
                assertThat(drain(new ChainWalk(objects, REF, blob, null, findings::add))).isEmpty();
                assertThat(ChainWalk.length(objects, blob)).isZero();
            }
            assertThat(findings).containsExactly(new Finding(REF, blob.name(), null, FindingCode.UNEXPECTED_OBJECT,
                    REF + " reaches " + blob.name() + ", which is not a commit (a ref at a blob, tree or tag where a"
                            + " commit belongs)"));
        }
    }

    @Test
    void aWalkWithAStopEndsBeforeItWithoutReadingIt() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            repo.event("orders", "alice", "a", "{}");
            ObjectId c2 = repo.event("orders", "alice", "b", "{}");
            ObjectId c3 = repo.event("orders", "alice", "c", "{}");
            ObjectId c4 = repo.event("orders", "alice", "d", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path());
                    GitObjects objects = reader.snapshot().openObjects()) {
                long before = reader.stats().commits();
                ChainWalk walk = new ChainWalk(objects, REF, c4, c2, null, findings::add);
                assertThat(walk.stopped()).isFalse();
                assertThat(drain(walk)).containsExactly(c4.name(), c3.name());
                assertThat(walk.stopped()).isTrue();
                assertThat(reader.stats().commits() - before).as("the stop commit is never read").isEqualTo(2);

                ChainWalk atStop = new ChainWalk(objects, REF, c4, c4, null, findings::add);
                assertThat(drain(atStop)).isEmpty();
                assertThat(atStop.stopped()).isTrue();

                ChainWalk toRoot = new ChainWalk(objects, REF, c4, null, null, findings::add);
                assertThat(drain(toRoot)).hasSize(4);
                assertThat(toRoot.stopped()).isFalse();
                assertThat(toRoot.stoppedAt()).isNull();

                ChainWalk untilEither = ChainWalk.until(objects, REF, c4, id -> id.equals(c3) || id.equals(c2), null,
                        findings::add);
                assertThat(drain(untilEither)).containsExactly(c4.name());
                assertThat(untilEither.stoppedAt()).isEqualTo(c3);
            }
            assertThat(findings).isEmpty();
        }
    }

    @Test
    void lengthSinceCountsTheCommitsAboveAnAncestorOrGivesMinusOne() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.event("orders", "alice", "a", "{}");
            ObjectId c2 = repo.event("orders", "alice", "b", "{}");
            ObjectId c3 = repo.event("orders", "alice", "c", "{}");
            ObjectId other = repo.event("orders", "bob", "x", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path());
                    GitObjects objects = reader.snapshot().openObjects()) {
                assertThat(ChainWalk.lengthSince(objects, c3, c1)).isEqualTo(2);
                assertThat(ChainWalk.lengthSince(objects, c3, c2)).isEqualTo(1);
                assertThat(ChainWalk.lengthSince(objects, c3, c3)).isZero();
                assertThat(ChainWalk.lengthSince(objects, c1, c3)).as("a descendant is not met").isEqualTo(-1);
                assertThat(ChainWalk.lengthSince(objects, c3, other)).as("an unrelated commit").isEqualTo(-1);
                assertThat(ChainWalk.lengthSince(objects, null, c1)).isEqualTo(-1);

                long before = reader.stats().commits();
                ChainWalk.lengthSince(objects, c3, c1);
                assertThat(reader.stats().commits() - before).isEqualTo(2);
            }
        }
    }

    @Test
    void theLengthAboveABaseAddsTheBaseLengthOrCountsWhatIsUnknown() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId c1 = repo.event("orders", "alice", "a", "{}");
            ObjectId c2 = repo.event("orders", "alice", "b", "{}");
            ObjectId c3 = repo.event("orders", "alice", "c", "{}");
            ObjectId other = repo.event("orders", "bob", "x", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path());
                    GitObjects objects = reader.snapshot().openObjects()) {
                assertThat(ChainWalk.length(objects, c3, null)).isEqualTo(3);
                assertThat(ChainWalk.length(objects, c3, new PreviousHead(c2, 2))).isEqualTo(3);
                assertThat(ChainWalk.length(objects, c3, new PreviousHead(c1, PreviousHead.UNKNOWN))).isEqualTo(3);
                assertThat(ChainWalk.length(objects, c3, new PreviousHead(c2, 40))).as("trusts a given length")
                        .isEqualTo(41);
                boolean[] off = {false};
                assertThat(ChainWalk.length(objects, c3, new PreviousHead(other, 9), () -> off[0] = true)).isEqualTo(3);
                assertThat(off[0]).isTrue();

                long before = reader.stats().commits();
                assertThat(ChainWalk.length(objects, c3, new PreviousHead(c3, 3))).isEqualTo(3);
                assertThat(reader.stats().commits()).as("an unmoved head reads nothing").isEqualTo(before);
            }
        }
    }
}
