package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.cache.SegmentBuilder;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the row cache costs O(1) filesystem work per journal: no directory listing per journal or segment. */
class CacheCostTest {
    private static final int JOURNALS = 2000;

    @TempDir
    Path dir;

    private LedgerTestRepository repo;
    private LedgerRepository reader;

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < JOURNALS; i++) {
            repo.event("ns" + i % 7, "actor" + i, "thing.done", "{\"n\":" + i + "}");
        }
        reader = LedgerRepository.open(repo.path());
    }

    @AfterEach
    void close() {
        reader.close();
        repo.close();
    }

    private List<LedgerEvent> scan(EventQuery q, SegmentStore store) {
        try (Stream<LedgerEvent> rows = EventScan.stream(reader.snapshot(), q, store, f -> { })) {
            return rows.toList();
        }
    }

    @Test
    void coldAndWarmScansOfManyOneCommitJournalsListTheCacheDirectoryAFewTimesOnly() {
        for (EventQuery q : List.of(EventQuery.headersOnly(),
                EventQuery.all())) {
            List<LedgerEvent> truth = scan(q, null);
            assertThat(truth).hasSize(JOURNALS);
            // every region written, however short: the cost of the bound and the lookups per segment file
            SegmentStore store = new SegmentStore(repo.path(), 1L << 30, SegmentBuilder.MAX_ROWS);
            assertThat(scan(q, store)).as("cold").isEqualTo(truth);
            assertThat(store.segmentsWritten()).isEqualTo(JOURNALS);
            assertThat(store.directoryListings()).as("cold listings").isLessThanOrEqualTo(3);
            long before = store.directoryListings();
            assertThat(scan(q, store)).as("warm").isEqualTo(truth);
            assertThat(store.directoryListings() - before).as("warm listings").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theDefaultStoreWritesNoFileForOneCommitJournals() {
        SegmentStore store = new SegmentStore(repo.path(), 1L << 30);
        assertThat(scan(EventQuery.all(), store)).isEqualTo(scan(EventQuery.all(), null));
        assertThat(store.segmentsWritten()).isZero();
        assertThat(store.dir()).doesNotExist(); // not even a temporary file
    }
}
