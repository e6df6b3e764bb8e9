package io.gatos.sql.ledger.eventcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.EventSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the row cache never changes an answer: cold, warm, damaged, appended, bounded, concurrent. */
class CachedJournalTest {
    private static final int SEGMENT_ROWS = 5;

    @TempDir
    Path dir;

    private LedgerTestRepository repo;
    private LedgerRepository reader;
    private Instant outOfOrderTs;

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < 12; i++) {
            repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}");
            if (i % 3 == 0) {
                repo.event("billing", "bob", "invoice.sent", "{\"n\":" + i + "}");
            }
        }
        // an out-of-order event: appended last to alice, with an older time and ULID than its parents
        outOfOrderTs = LedgerTestRepository.BASE_TIME.minusSeconds(3600);
        repo.event("orders", "alice", EventSpec.of("order.late", repo.ulid(outOfOrderTs), "user:alice", "{}",
                outOfOrderTs));
        repo.event("orders", "alice", "order.created", "{\"n\":99}");
        reader = LedgerRepository.open(repo.path());
    }

    @AfterEach
    void close() {
        reader.close();
        repo.close();
    }

    private SegmentStore store() {
        return new SegmentStore(repo.path(), 1L << 30, SEGMENT_ROWS);
    }

    private List<LedgerEvent> scan(EventQuery q, SegmentStore store) {
        return scan(reader.snapshot(), q, store);
    }

    private static List<LedgerEvent> scan(LedgerSnapshot s, EventQuery q, SegmentStore store) {
        try (Stream<LedgerEvent> rows = EventScan.stream(s, q, store, f -> { })) {
            return rows.toList();
        }
    }

    private static EventQuery all() {
        return EventQuery.all();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(store().dir())) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }

    @Test
    void coldAndWarmScansEqualTheUncachedScan() {
        List<LedgerEvent> truth = scan(all(), null);
        SegmentStore store = store();
        assertThat(scan(all(), store)).isEqualTo(truth);
        assertThat(store.segmentsWritten()).isGreaterThan(2);
        long blobs = reader.stats().blobs();
        long commits = reader.stats().commits();
        assertThat(scan(all(), store)).isEqualTo(truth);
        assertThat(reader.stats().blobs()).isEqualTo(blobs);
        assertThat(reader.stats().commits()).isEqualTo(commits);
        assertThat(store.segmentReads()).isPositive();
        for (EventQuery q : List.of(
                EventQuery.all().withNamespaces(Set.of("billing")),
                EventQuery.all().withPositions(false).withStreams(Set.of("orders/alice")),
                EventQuery.all().withIds(Set.of(truth.get(3).id(), "01ZZZZZZZZZZZZZZZZZZZZZZZZ")),
                EventQuery.all().withCommitIds(Set.of(truth.get(7).commitId())))) {
            assertThat(scan(q, store)).as(q.toString()).isEqualTo(scan(q, null));
        }
    }

    @Test
    void commitLevelScansWriteAndReadTheirOwnSegments() throws IOException {
        EventQuery headers = EventQuery.headersOnly().withPositions(true);
        List<LedgerEvent> truth = scan(headers, null);
        SegmentStore store = store();
        assertThat(scan(headers, store)).isEqualTo(truth);
        assertThat(segments()).allMatch(f -> f.toString().endsWith(".h.seg"));
        long blobs = reader.stats().blobs();
        assertThat(scan(headers, store)).isEqualTo(truth);
        assertThat(reader.stats().blobs()).isEqualTo(blobs);
        assertThat(scan(all(), store)).isEqualTo(scan(all(), null)); // full rows replace the commit-level ones
        assertThat(scan(headers, store)).extracting(LedgerEvent::commitId, LedgerEvent::pos, LedgerEvent::ref)
                .isEqualTo(truth.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.commitId(), e.pos(), e.ref()))
                        .toList());
    }

    @Test
    void aDamagedSegmentIsDetectedDeletedAndRebuilt() throws IOException {
        List<LedgerEvent> truth = scan(all(), null);
        SegmentStore store = store();
        scan(all(), store);
        List<Path> files = segments();
        Path flipped = files.get(0);
        byte[] bytes = Files.readAllBytes(flipped);
        bytes[bytes.length / 3] ^= 0x40;
        Files.write(flipped, bytes);
        Path torn = files.get(1);
        byte[] whole = Files.readAllBytes(torn);
        Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 2));

        SegmentStore again = store();
        assertThat(scan(all(), again)).isEqualTo(truth);
        assertThat(again.corruptions()).isEqualTo(2);
        assertThat(flipped).exists();
        assertThat(Files.readAllBytes(torn)).isEqualTo(whole); // rebuilt from Git, byte for byte
        SegmentStore third = store();
        assertThat(scan(all(), third)).isEqualTo(truth);
        assertThat(third.corruptions()).isZero();
    }

    @Test
    void commitsAppendedBetweenScansAreSeen() {
        SegmentStore store = store();
        scan(all(), store);
        repo.event("orders", "alice", "order.created", "{\"n\":100}");
        repo.event("orders", "carol", "order.created", "{\"n\":101}");
        repo.event("billing", "bob", "invoice.sent", "{\"n\":102}");
        List<LedgerEvent> truth = scan(all(), null);
        assertThat(scan(all(), store)).isEqualTo(truth).extracting(LedgerEvent::payload).contains("{\"n\":100}",
                "{\"n\":101}", "{\"n\":102}");
        long written = store.segmentsWritten();
        assertThat(scan(all(), store)).isEqualTo(truth);
        assertThat(store.segmentsWritten()).isEqualTo(written);
    }

    @Test
    void rangesSkipSegmentsButStayExactWithOutOfOrderUlids() {
        SegmentStore store = store();
        List<LedgerEvent> everything = scan(all(), store);
        long newest = everything.stream().mapToLong(LedgerEvent::tsMillis).max().orElseThrow();
        for (KeyRange range : List.of(new KeyRange(newest - 2000, null, null, null),
                new KeyRange(outOfOrderTs.toEpochMilli(), outOfOrderTs.toEpochMilli(), null, null),
                new KeyRange(null, null, everything.get(4).id(), everything.get(4).id()),
                new KeyRange(null, null, everything.get(2).id(), null))) {
            EventQuery q = EventQuery.all().withRange(range);
            List<LedgerEvent> expected = everything.stream().filter(e -> range.admits(e.tsMillis(), e.id())).toList();
            assertThat(expected).isNotEmpty();
            long before = store.segmentReads();
            assertThat(scan(q, store)).as(range.toString()).isEqualTo(expected);
            assertThat(store.segmentReads() - before).as(range.toString()).isLessThan(segmentCount());
            assertThat(scan(q, null)).filteredOn(e -> range.admits(e.tsMillis(), e.id())).isEqualTo(expected);
        }
    }

    private long segmentCount() {
        try {
            return segments().size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBoundedCacheStaysUnderItsBound() throws IOException {
        scan(all(), store());
        long total = 0;
        for (Path f : segments()) {
            total += Files.size(f);
        }
        long bound = total / 2;
        SegmentStore small = new SegmentStore(repo.path(), bound, SEGMENT_ROWS);
        repo.event("orders", "alice", "order.created", "{\"n\":100}");
        assertThat(scan(all(), small)).isEqualTo(scan(all(), null));
        long after = 0;
        for (Path f : segments()) {
            after += Files.size(f);
        }
        assertThat(after).isLessThanOrEqualTo(bound);
        assertThat(small.evictions()).isPositive();
        assertThat(scan(all(), small)).isEqualTo(scan(all(), null));
    }

    @Test
    void aBasedSnapshotStopsAtItsBaseHeadWithOrWithoutCache() {
        SegmentStore store = store();
        scan(all(), store);
        LedgerSnapshot before = reader.snapshot();
        repo.event("orders", "alice", "order.created", "{\"n\":100}");
        repo.event("orders", "alice", "order.created", "{\"n\":101}");
        Map<String, PreviousHead> base = new java.util.HashMap<>();
        before.refsUnder(Plane.JOURNAL.prefix())
                .forEach((ref, head) -> base.put(ref, new PreviousHead(head, PreviousHead.UNKNOWN)));
        LedgerSnapshot based = reader.snapshot().withBase(base);
        List<LedgerEvent> truth = scan(based, all(), null);
        assertThat(truth).hasSize(2);
        assertThat(scan(based, all(), store)).isEqualTo(truth);
    }

    @Test
    void concurrentScansOfAColdCacheAllAnswerRight() throws Exception {
        List<LedgerEvent> truth = scan(all(), null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<LedgerEvent>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> scan(all(), store())));
            }
            for (Future<List<LedgerEvent>> a : answers) {
                assertThat(a.get()).isEqualTo(truth);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(scan(all(), store())).isEqualTo(truth);
    }

    @Test
    void newestFirstMergesJournalsByTimeAndReadsOnlyTheNewestSegments() {
        for (int i = 0; i < 30; i++) {
            repo.event("orders", "alice", "order.created", "{\"m\":" + i + "}");
        }
        EventQuery sorted = EventQuery.all().withNewestFirst(true);
        List<LedgerEvent> truth = new ArrayList<>(scan(all(), null));
        truth.sort(SortedEvents.NEWEST_FIRST);
        SegmentStore store = store();
        assertThat(scan(sorted, store)).isEqualTo(truth); // cold: fills, then merges
        long before = store.segmentReads();
        try (Stream<LedgerEvent> rows = EventScan.stream(reader.snapshot(), sorted, store, f -> { })) {
            assertThat(rows.limit(3).toList()).isEqualTo(truth.subList(0, 3));
        }
        assertThat(store.segmentReads() - before).isLessThanOrEqualTo(4).isLessThan(segmentCount() / 2);
        // the out-of-order event sits at the top of alice's chain but sorts near the end
        assertThat(truth.get(truth.size() - 1).kind()).isEqualTo("order.late");
        assertThat(scan(sorted, store)).isEqualTo(truth);
        EventQuery billing = EventQuery.all().withPositions(false).withNamespaces(Set.of("billing"))
                .withRange(new KeyRange(truth.get(20).tsMillis(), null, null, null)).withNewestFirst(true);
        assertThat(scan(billing, store)).isEqualTo(truth.stream().filter(e -> e.ns().equals("billing"))
                .filter(e -> e.tsMillis() >= truth.get(20).tsMillis()).map(e -> withoutPos(e)).toList());
    }

    private static LedgerEvent withoutPos(LedgerEvent e) {
        return new LedgerEvent(e.id(), e.ns(), e.actor(), e.stream(), -1, e.kind(), e.tsMillis(), e.payload(), e.caps(),
                e.policyRoot(), e.sigAlg(), e.eventCid(), e.commitId(), e.error(), e.ref(), e.sourcePos(),
                e.sourceCommit());
    }
}
