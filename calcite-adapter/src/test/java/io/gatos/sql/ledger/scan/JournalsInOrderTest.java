package io.gatos.sql.ledger.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalsInOrderTest {
    private static final String THREADS = "gatos.decode.threads";

    @TempDir
    Path dir;

    @AfterEach
    void clearThreads() {
        System.clearProperty(THREADS);
    }

    private record Answer(List<LedgerEvent> rows, List<Finding> findings) {
    }

    private static Answer scan(LedgerSnapshot snapshot, EventQuery query, SegmentStore cache, int threads) {
        System.setProperty(THREADS, String.valueOf(threads));
        List<Finding> findings = new ArrayList<>();
        try (Stream<LedgerEvent> rows = EventScan.stream(snapshot, query, cache, findings::add)) {
            return new Answer(rows.toList(), findings);
        }
    }

    @Test
    void readingAheadInParallelGivesTheSameRowsFindingsAndOrder() throws InterruptedException {
        SampleLedger.generate(dir.resolve("l.git"), 5000, 3, null);
        try (LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"))) {
            LedgerSnapshot s = repo.snapshot();
            assertThat(EventScan.journals(s)).hasSizeGreaterThan(3);
            for (EventQuery q : List.of(EventQuery.all(), EventQuery.headersOnly(),
                    EventQuery.all().withNamespaces(Set.of("orders", "billing")))) {
                Answer one = scan(s, q, null, 1);
                assertThat(one.rows()).hasSizeGreaterThan(JournalsInOrder.READ_AHEAD_AFTER);
                assertThat(scan(s, q, null, 3)).as(q.toString()).isEqualTo(one);
                SegmentStore cache = new SegmentStore(dir.resolve("cache-" + q.hashCode()), 1L << 30);
                assertThat(scan(s, q, cache, 3)).as("cold cache, " + q).isEqualTo(one);
                assertThat(scan(s, q, cache, 3)).as("warm cache, " + q).isEqualTo(one);
                assertThat(scan(s, q, cache, 1)).as("warm cache, one thread, " + q).isEqualTo(one);
            }
        }
        assertNoWorkerLeft();
    }

    /** Waits for every decode worker to end (a scan read to its end shuts its pool down). */
    private static void assertNoWorkerLeft() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("gatos-decode-")) {
                t.join(10_000);
                assertThat(t.isAlive()).as(t.getName() + " still running after its scan").isFalse();
            }
        }
    }

    @Test
    void aShortReadDecodesNothingAheadAndClosingStopsTheWorkers() throws InterruptedException {
        SampleLedger.generate(dir.resolve("l.git"), 5000, 3, null);
        try (LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"))) {
            LedgerSnapshot s = repo.snapshot();
            System.setProperty(THREADS, "3");
            long before = repo.stats().blobs();
            try (Stream<LedgerEvent> rows = EventScan.stream(s, EventQuery.all(), null, f -> { })) {
                assertThat(rows.limit(10).count()).isEqualTo(10);
            }
            assertThat(repo.stats().blobs() - before).as("a LIMIT 10 reads no envelope ahead").isEqualTo(10);
            try (Stream<LedgerEvent> rows = EventScan.stream(s, EventQuery.all(), null, f -> { })) {
                assertThat(rows.limit(JournalsInOrder.READ_AHEAD_AFTER + 100).count())
                        .isEqualTo(JournalsInOrder.READ_AHEAD_AFTER + 100);
            }
            assertNoWorkerLeft();
        }
    }
}
