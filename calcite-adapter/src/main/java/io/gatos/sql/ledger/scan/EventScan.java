package io.gatos.sql.ledger.scan;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.decode.EventDecoder;
import io.gatos.sql.ledger.eventcache.CachedJournal;
import io.gatos.sql.ledger.eventcache.SortedEvents;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads journal events (LAYOUT §1) lazily, newest first within each journal and journals in ref
 * order. Namespace and stream restrictions choose which journals are read at all; a commit-id
 * restriction is a lookup ({@link EventLookup}): the admitted journals are walked in lockstep,
 * reading commit headers only, until the last wanted commit is found; a ULID restriction skips envelopes that cannot
 * contain one of the ULIDs before parsing them. In a based snapshot each journal is read only
 * above its base head, and {@code pos} stays absolute.
 */
public final class EventScan {
    private EventScan() {
    }

    /** Returns the journals of {@code snapshot} in ref order. */
    public static List<Journal> journals(LedgerSnapshot snapshot) {
        List<Journal> out = new ArrayList<>();
        for (String ref : snapshot.refsUnder(Plane.JOURNAL.prefix()).keySet()) {
            Journal journal = Journal.ofRef(ref);
            if (journal != null) {
                out.add(journal);
            }
        }
        return out;
    }

    /** Returns a lazy stream of the events {@code query} admits; close it to release the reader. */
    public static Stream<LedgerEvent> stream(LedgerSnapshot snapshot, EventQuery query, Consumer<Finding> findings) {
        return stream(snapshot, query, null, findings);
    }

    /**
     * Returns a lazy stream of the events {@code query} admits, reading decoded rows from
     * {@code cache} (nullable: no cache) where it holds them and adding what it lacks; close the
     * stream to release the reader. Rows come out in journal order, the same with or without a
     * cache, unless the query asks for {@code newestFirst}, which needs a cache.
     */
    public static Stream<LedgerEvent> stream(LedgerSnapshot snapshot, EventQuery query, SegmentStore cache,
            Consumer<Finding> findings) {
        requireNonNull(query, "query");
        GitObjects objects = snapshot.openObjects();
        List<Journal> admitted = admitted(snapshot, query);
        SegmentListing listing = cache == null ? null : cache.list();
        // covered: Bloom filters answer, and no object is opened (a fresh reader's first lookup loads pack indexes)
        if (query.commitIds() != null && (cache == null || !SortedEvents.covers(snapshot, admitted, cache, listing))) {
            EventQuery q = existing(query, objects);
            Stream<LedgerEvent> found = EventLookup.stream(objects, snapshot, admitted(snapshot, q), q, findings);
            return q.newestFirst() ? found.sorted(SortedEvents.NEWEST_FIRST) : found; // a lookup finds few rows
        }
        if (cache != null && query.newestFirst()) {
            return SortedEvents.stream(objects, snapshot, admitted, query, cache, findings);
        }
        int threads = admitted.size() > 1 ? decodeThreads() : 1;
        // journals read at once forget bad tips in one listing: give them sets made for that
        SegmentListing shared = listing == null || threads == 1 ? listing : listing.concurrent();
        ParallelJournals.Opener opener = cache == null
                ? (o, j, f) -> new JournalCursor(o, snapshot, j, query, query.positions(), f)::next
                : (o, j, f) -> new CachedJournal(o, snapshot, j, query, cache, shared, f);
        JournalsInOrder rows = new JournalsInOrder(objects, snapshot, admitted, opener, threads, findings);
        return LazyStream.of(rows, rows);
    }

    /**
     * Returns how many journals are decoded at once: the system property {@code gatos.decode.threads}
     * when set (1 reads them one after the other), else the processors, at most 4.
     */
    static int decodeThreads() {
        Integer set = Integer.getInteger("gatos.decode.threads");
        return set != null ? Math.max(1, set) : Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /** Returns the journals of {@code snapshot} that {@code query}'s namespace, stream and commit limits admit. */
    private static List<Journal> admitted(LedgerSnapshot snapshot, EventQuery query) {
        return journals(snapshot).stream().filter(query::admits).toList();
    }

    /** Narrows a commit-id restriction to commits that exist, so a lookup of unknown ids reads nothing. */
    private static EventQuery existing(EventQuery query, GitObjects objects) {
        if (query.commitIds() == null) {
            return query;
        }
        try {
            return query.withCommitIds(objects.existingCommits(query.commitIds()));
        } catch (IOException e) {
            objects.close();
            throw new LedgerException(LedgerException.Code.IO, "reading the repository failed: " + e.getMessage(), e);
        }
    }
}
