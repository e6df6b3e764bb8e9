package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.cache.SegmentBuilder;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.eventcache.SortedEvents;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the default store writes no file for a region shorter than
 * {@link SegmentBuilder#MIN_REGION_ROWS} commits (it is cheaper to decode again), except on top of a
 * cached journal for a sorted scan, which keeps cached journals whole; answers never change.
 */
class ShortRegionTest {
    private static final int LONG = SegmentBuilder.MIN_REGION_ROWS + 8;

    @TempDir
    Path dir;

    private LedgerTestRepository repo;

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < LONG; i++) {
            repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
        }
        for (int i = 0; i < 3; i++) {
            repo.event("billing", "bob", "invoice.sent", "{\"n\":" + i + "}");
        }
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private List<LedgerEvent> scan(EventQuery q, SegmentStore store) {
        try (LedgerRepository reader = LedgerRepository.open(repo.path());
                Stream<LedgerEvent> rows = EventScan.stream(reader.snapshot(), q, store, f -> { })) {
            return rows.toList();
        }
    }

    private static EventQuery newestFirst() {
        return EventQuery.all().withNewestFirst(true);
    }

    @Test
    void onlyRegionsLongEnoughOrExtendingACachedJournalAreWritten() {
        SegmentStore store = new SegmentStore(repo.path(), 1L << 30);
        assertThat(scan(EventQuery.all(), store)).isEqualTo(scan(EventQuery.all(), null));
        assertThat(store.segmentsWritten()).isEqualTo(1); // alice's, not bob's three commits
        assertThat(store.list().full()).containsExactly(repo.commitAt("refs/gatos/journal/orders/alice").name());

        repo.event("orders", "alice", "order.created", "{\"n\":100}");
        assertThat(scan(EventQuery.all(), store)).isEqualTo(scan(EventQuery.all(), null));
        assertThat(store.segmentsWritten()).as("one new commit on a cached journal: a plain scan").isEqualTo(1);

        List<LedgerEvent> sorted = scan(EventQuery.all(), null).stream().sorted(SortedEvents.NEWEST_FIRST)
                .toList();
        assertThat(scan(newestFirst(), store)).isEqualTo(sorted);
        assertThat(store.segmentsWritten()).as("a sorted scan keeps alice's journal whole").isEqualTo(2);
        assertThat(store.list().full()).contains(repo.commitAt("refs/gatos/journal/orders/alice").name())
                .doesNotContain(repo.commitAt("refs/gatos/journal/billing/bob").name());
        assertThat(scan(newestFirst(), store)).isEqualTo(sorted);
    }
}
