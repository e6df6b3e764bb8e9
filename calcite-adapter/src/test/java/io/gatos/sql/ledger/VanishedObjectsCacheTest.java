package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.decode.Envelopes;
import io.gatos.sql.ledger.eventcache.SortedEvents;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves answers do not depend on the row cache when objects go missing after their rows were
 * cached: an envelope blob or a commit deleted from the object store gives the same rows, the same
 * {@code error} values and the same findings with the cache as without it.
 */
class VanishedObjectsCacheTest {
    private static final int SEGMENT_ROWS = 4;

    @TempDir
    Path dir;

    private LedgerTestRepository repo;
    private final List<ObjectId> alice = new ArrayList<>();

    @BeforeEach
    void ledger() {
        repo = LedgerTestRepository.create(dir.resolve("l.git"));
        for (int i = 0; i < 10; i++) {
            alice.add(repo.event("orders", "alice", "order.created", "{\"n\":" + i + "}"));
            repo.event("billing", "bob", "invoice.sent", "{\"n\":" + i + "}");
        }
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private record Answer(List<LedgerEvent> rows, List<Finding> findings) {
    }

    private Answer scan(EventQuery q, boolean cached) {
        List<Finding> findings = new ArrayList<>();
        try (LedgerRepository reader = LedgerRepository.open(repo.path());
                Stream<LedgerEvent> rows = EventScan.stream(reader.snapshot(), q,
                        cached ? new SegmentStore(repo.path(), 1L << 30, SEGMENT_ROWS) : null, findings::add)) {
            return new Answer(rows.toList(), findings);
        }
    }

    private List<EventQuery> queries() {
        return List.of(EventQuery.all(), EventQuery.headersOnly().withPositions(true),
                EventQuery.all().withStreams(Set.of("orders/alice")),
                EventQuery.all().withCommitIds(Set.of(alice.get(5).name(), alice.get(2).name())));
    }

    /**
     * Compares every query with and without the cache: rows, {@code error} values and findings.
     * Commit-level queries are compared on the columns they read. {@code ignored} names fields not
     * compared (see the missing-commit test).
     */
    private void assertCachedEqualsUncached(String... ignored) {
        assertCachedEqualsUncached(queries(), ignored);
    }

    private void assertCachedEqualsUncached(List<EventQuery> queries, String... ignored) {
        for (EventQuery q : queries) {
            Answer truth = scan(q, false);
            Answer cached = scan(q, true);
            assertThat(cached.findings()).as(q.toString()).isEqualTo(truth.findings());
            if (q.envelopes()) {
                assertThat(cached.rows()).as(q.toString()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                        ignored).isEqualTo(truth.rows());
            } else {
                assertThat(cached.rows()).as(q.toString()).usingRecursiveFieldByFieldElementComparatorOnFields(
                        "commitId", "ref", "tsMillis").isEqualTo(truth.rows());
            }
        }
        List<LedgerEvent> sorted = scan(EventQuery.all(), false).rows().stream()
                .sorted(SortedEvents.NEWEST_FIRST).toList();
        EventQuery newest = EventQuery.all().withNewestFirst(true);
        assertThat(scan(newest, true).rows()).as("newest first")
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields(ignored).isEqualTo(sorted);
    }

    private void cacheEverything() {
        for (EventQuery q : queries()) {
            scan(q, true);
        }
        scan(EventQuery.all().withNewestFirst(true), true);
    }

    private void deleteLoose(ObjectId id) throws IOException {
        Path loose = repo.path().resolve("objects").resolve(id.name().substring(0, 2)).resolve(id.name().substring(2));
        assertThat(loose).as("a loose object").exists();
        Files.delete(loose);
    }

    private ObjectId envelopeOf(ObjectId commit) throws IOException {
        RevCommit c = repo.repository().parseCommit(commit);
        try (TreeWalk walk = TreeWalk.forPath(repo.repository(), TreePaths.ENVELOPE, c.getTree())) {
            return walk.getObjectId(0);
        }
    }

    @Test
    void aMissingEnvelopeBlobGivesTheUncachedErrorRowWithTheCacheOn() throws IOException {
        cacheEverything();
        deleteLoose(envelopeOf(alice.get(5)));
        Answer truth = scan(EventQuery.all(), false);
        assertThat(truth.rows()).filteredOn(e -> e.commitId().equals(alice.get(5).name()))
                .singleElement().satisfies(e -> assertThat(e.error()).contains("is missing"));
        assertThat(truth.findings()).extracting(Finding::code).containsExactly(FindingCode.MISSING_OBJECT);
        assertCachedEqualsUncached();
    }

    @Test
    void aMissingCommitEndsTheJournalThereWithTheCacheOnToo() throws IOException {
        cacheEverything();
        deleteLoose(alice.get(6));
        Answer truth = scan(EventQuery.all(), false);
        assertThat(truth.rows()).filteredOn(e -> e.ref().endsWith("/alice")).hasSize(3); // 9, 8, 7
        // positions: an uncached scan counts them from the missing commit, the cache from the root; and a
        // segment a lookup skips unread is not checked (DECISIONS, issue 15): scans only, positions aside
        assertCachedEqualsUncached(queries().subList(0, 3), "pos");
    }
}
