package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierTest {
    private static final String BOB = "refs/gatos/journal/orders/bob";
    private static final String AUDIT = "refs/gatos/audit/log";

    @TempDir
    Path dir;

    /** Checks that every chain ref of {@code f} has the length a full walk gives, and every other ref -1. */
    private static void assertLengthsMatchFullWalks(LedgerSnapshot s, Frontier f) throws IOException {
        assertThat(f.refs().keySet()).containsExactlyElementsOf(s.refs().keySet());
        try (GitObjects objects = s.openObjects()) {
            for (var e : f.refs().entrySet()) {
                assertThat(e.getValue().head()).isEqualTo(s.head(e.getKey()));
                long expected = Frontier.linear(e.getKey()) ? ChainWalk.length(objects, s.head(e.getKey())) : -1;
                assertThat(e.getValue().length()).as(e.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFirstMeasureReportsEveryRefAsChangedWithFullLengths() throws IOException {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            Frontier f = Frontier.measure(l.before(), Map.of());
            assertLengthsMatchFullWalks(l.before(), f);
            assertThat(f.refs().get(BasedLedger.ALICE).length()).isEqualTo(3);
            assertThat(f.refs().get(BasedLedger.CHAT).length()).isEqualTo(2);
            assertThat(f.refs().get(BasedLedger.NEWS).length()).isEqualTo(1);
            assertThat(f.refs().get(BasedLedger.STATE).length()).isEqualTo(1);
            assertThat(f.refs().get(AUDIT).length()).isEqualTo(-1);
            assertThat(f.changed()).containsExactlyElementsOf(l.before().refs().keySet());
            assertThat(f.removed()).isEmpty();
            assertThat(f.rewritten()).isEmpty();
            assertThat(f.asBase()).isEqualTo(f.refs());
            assertThatThrownBy(() -> f.changed().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aLaterMeasureReadsOnlyWhatIsNewAndReportsTheMovedRefs() throws IOException {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 200)) {
            Map<String, PreviousHead> previous = Frontier.measure(l.before(), Map.of()).asBase();
            ReadStats stats = l.reader().stats();
            long commits = stats.commits();
            Frontier f = Frontier.measure(l.after(), previous);
            assertThat(stats.commits() - commits).as("2 alice + 1 carol + 1 chat + 1 news + 1 state").isEqualTo(6);
            assertLengthsMatchFullWalks(l.after(), f);
            assertThat(f.refs().get(BasedLedger.ALICE).length()).isEqualTo(202);
            assertThat(f.changed()).containsExactly(BasedLedger.ALICE, BasedLedger.CAROL, BasedLedger.NEWS,
                    BasedLedger.CHAT, BasedLedger.STATE);
            assertThat(f.removed()).isEmpty();
            assertThat(f.rewritten()).isEmpty();

            commits = stats.commits();
            assertThat(Frontier.measure(l.after(), f.asBase()).changed()).isEmpty();
            assertThat(stats.commits()).as("nothing moved, nothing read").isEqualTo(commits);
        }
    }

    @Test
    void anUnknownPreviousLengthIsCountedInFull() throws IOException {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            ObjectId old = l.before().head(BasedLedger.ALICE);
            Frontier f = Frontier.measure(l.after(), Map.of(
                    BasedLedger.ALICE, new PreviousHead(old, PreviousHead.UNKNOWN),
                    BOB, new PreviousHead(l.before().head(BOB), PreviousHead.UNKNOWN)));
            assertLengthsMatchFullWalks(l.after(), f);
            assertThat(f.changed()).contains(BasedLedger.ALICE).doesNotContain(BOB);
            assertThat(f.rewritten()).isEmpty();
        }
    }

    @Test
    void removedAndRewrittenRefsAreReported() throws IOException {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            Map<String, PreviousHead> previous = Frontier.measure(l.after(), Map.of()).asBase();
            var repo = l.repo();
            repo.writer().deleteRef(BOB);
            ObjectId unrelated = repo.writer().commit(null, Map.of("message/envelope.json",
                    "{}".getBytes(StandardCharsets.UTF_8)), "x\n", List.of(), repo.tick());
            RefUpdate update = repo.repository().updateRef(BasedLedger.ALICE);
            update.setNewObjectId(unrelated);
            update.setForceUpdate(true);
            assertThat(update.forceUpdate()).isEqualTo(RefUpdate.Result.FORCED);
            repo.event("orders", "carol", "c.more", "{}");
            repo.path();
            LedgerSnapshot now = l.reader().snapshot();

            Frontier f = Frontier.measure(now, previous);
            assertLengthsMatchFullWalks(now, f);
            assertThat(f.refs().get(BasedLedger.ALICE).length()).isEqualTo(1);
            assertThat(f.changed()).containsExactly(BasedLedger.ALICE, BasedLedger.CAROL);
            assertThat(f.removed()).containsExactly(BOB);
            assertThat(f.rewritten()).containsExactly(BasedLedger.ALICE);

            LedgerSnapshot based = now.withBase(previous);
            assertThat(BasedLedger.rows(based, s -> EventScan.stream(s, EventQuery.all(), x -> { })))
                    .extracting(e -> e.stream() + "@" + e.pos() + ":" + e.commitId()).containsExactly(
                            "orders/alice@0:" + unrelated.name(),
                            "orders/carol@1:" + now.head(BasedLedger.CAROL).name());
        }
    }
}
