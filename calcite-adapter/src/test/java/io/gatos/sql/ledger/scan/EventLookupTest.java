package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.BasedLedger;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLookupTest {
    @TempDir
    Path dir;

    private static List<LedgerEvent> lookup(LedgerSnapshot s, Set<String> commits, boolean positions) {
        EventQuery query = EventQuery.all().withPositions(positions).withCommitIds(commits);
        try (Stream<LedgerEvent> rows = EventScan.stream(s, query, f -> { })) {
            return rows.toList();
        }
    }

    @Test
    void findsCommitsAcrossJournalsWithTheirPositions() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<ObjectId> a = new ArrayList<>();
            List<ObjectId> b = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                a.add(repo.event("a", "x", "a.event", "{\"i\":" + i + "}"));
                b.add(repo.event("b", "y", "b.event", "{\"i\":" + i + "}"));
            }
            LedgerSnapshot s = repo.snapshot();
            assertThat(lookup(s, Set.of(a.get(3).name(), b.get(28).name()), true))
                    .extracting(e -> e.stream() + "@" + e.pos() + ":" + e.commitId())
                    .containsExactly("b/y@28:" + b.get(28).name(), "a/x@3:" + a.get(3).name());
            assertThat(lookup(s, Set.of(a.get(3).name()), false)).extracting(LedgerEvent::pos).containsExactly(-1L);
        }
    }

    @Test
    void stopsWalkingOnceEveryCommitIsFound() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId newest = null;
            for (int i = 0; i < 40; i++) {
                repo.event("a", "x", "a.event", "{}");
                newest = repo.event("b", "y", "b.event", "{}");
            }
            LedgerSnapshot s = repo.snapshot();
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                LedgerSnapshot counted = reader.snapshot();
                assertThat(lookup(counted, Set.of(newest.name()), false)).hasSize(1);
                assertThat(reader.stats().commits()).as("head of a, head of b").isEqualTo(2);
                assertThat(reader.stats().blobs()).isEqualTo(1);
            }
            assertThat(lookup(s, Set.of("0".repeat(40)), true)).isEmpty();
        }
    }

    @Test
    void aBasedLookupFindsNewCommitsOnlyAndNumbersThemAbsolutely() {
        try (BasedLedger l = BasedLedger.create(dir.resolve("r"), 3)) {
            ObjectId alice = l.after().head(BasedLedger.ALICE);
            ObjectId old = l.before().head(BasedLedger.ALICE);
            assertThat(lookup(l.based(), Set.of(alice.name(), old.name()), true))
                    .extracting(e -> e.stream() + "@" + e.pos() + ":" + e.commitId())
                    .containsExactly("orders/alice@4:" + alice.name());
            assertThat(lookup(l.after(), Set.of(old.name()), true)).extracting(LedgerEvent::pos).containsExactly(2L);
        }
    }
}
