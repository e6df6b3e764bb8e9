package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.eventcache.SortedEvents;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a cache that cannot be written (read-only or full disk) never fails or changes a query:
 * it answers from Git and warns once. Tests run as root, so the directory is made unwritable by a
 * regular file where it would be created, and a failing write by a non-empty directory in the
 * place a segment is renamed to.
 */
class UnwritableCacheTest {
    @TempDir
    Path dir;

    private LedgerTestRepository repo;
    private LedgerRepository reader;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < 20; i++) {
            repo.event("ns" + i % 3, "actor" + i % 7, "thing.done", "{\"n\":" + i + "}");
        }
        reader = LedgerRepository.open(repo.path());
    }

    @AfterEach
    void close() {
        reader.close();
        repo.close();
    }

    private SegmentStore store() {
        return new SegmentStore(repo.path(), 1L << 30, 3, warnings::add);
    }

    private List<LedgerEvent> scan(EventQuery q, SegmentStore store) {
        try (Stream<LedgerEvent> rows = EventScan.stream(reader.snapshot(), q, store, f -> { })) {
            return rows.toList();
        }
    }

    private static List<EventQuery> queries() {
        return List.of(EventQuery.all(), EventQuery.headersOnly().withPositions(true),
                EventQuery.all().withNewestFirst(true));
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedAnswersFromGitAndWarnsOnce() throws IOException {
        Files.writeString(repo.path().resolve(SegmentStore.DIR), "a regular file where the cache would go");
        SegmentStore store = store();
        for (int round = 0; round < 2; round++) {
            for (EventQuery q : queries()) {
                List<LedgerEvent> truth = q.newestFirst()
                        ? scan(EventQuery.all(), null).stream().sorted(SortedEvents.NEWEST_FIRST).toList()
                        : scan(q, null);
                assertThat(truth).hasSize(20);
                assertThat(scan(q, store)).as(q.toString()).isEqualTo(truth);
            }
        }
        assertThat(store.segmentsWritten()).isZero();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(store.dir().toString(), "cannot be written", "cache=false",
                "--no-cache");
    }

    @Test
    void aWriteThatFailsDropsItsFilesAndTheScanGoesOnUncached() throws IOException {
        List<LedgerEvent> truth = scan(EventQuery.all(), null);
        SegmentStore store = store();
        // every segment's rename meets a non-empty directory in its place
        for (LedgerEvent e : truth) {
            Files.createDirectories(store.dir().resolve(e.commitId() + ".f.seg").resolve("x"));
        }
        assertThat(scan(EventQuery.all(), store)).isEqualTo(truth);
        assertThat(scan(EventQuery.all(), store)).isEqualTo(truth);
        assertThat(store.segmentsWritten()).isZero();
        assertThat(warnings).hasSize(1);
        try (Stream<Path> files = Files.list(store.dir())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }
}
