package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Streams events newest first across journals ({@code ts DESC, id DESC}) from the row cache. Each
 * journal is first brought into the cache (only its uncached part is read from Git), then read
 * segment by segment from its head: a row is released once it is newer than everything the rest
 * of the chain can hold (the chain bounds in each segment's footer), so {@code LIMIT n} reads only
 * the newest segments, and out-of-order ULIDs or times only make it read further. A journal the
 * cache cannot hold (its bound is too small) is read whole and sorted in memory. Also tells whether
 * the cache covers journals whole in full rows ({@link #covers}: one footer read per segment), so a
 * commit-id lookup can be answered from Bloom filters. Not thread-safe.
 */
public final class SortedEvents {
    /** Newest first: time descending, then id descending. */
    public static final Comparator<LedgerEvent> NEWEST_FIRST = Comparator.comparingLong(LedgerEvent::tsMillis)
            .thenComparing(LedgerEvent::id).reversed();

    private SortedEvents() {
    }

    /** Returns the events of {@code journals} that {@code q} admits, newest first; closing closes {@code objects}. */
    public static Stream<LedgerEvent> stream(GitObjects objects, LedgerSnapshot snapshot,
            List<Journal> journals, EventQuery q, SegmentStore store,
            Consumer<Finding> findings) {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> NEWEST_FIRST.compare(a.event, b.event));
        boolean[] started = new boolean[1];
        return LazyStream.of(() -> {
            if (!started[0]) {
                started[0] = true;
                SegmentListing before = store.list();
                for (Journal j : journals) {
                    CachedJournal.fill(objects, snapshot, j, store, before, findings);
                }
                SegmentListing listing = store.list(); // one listing for all journals
                for (Journal j : journals) {
                    Head h = new Head(open(objects, snapshot, j, q, store, listing, findings));
                    if (h.advance()) {
                        heads.add(h);
                    }
                }
            }
            Head top = heads.poll();
            if (top == null) {
                return null;
            }
            LedgerEvent out = top.event;
            if (top.advance()) {
                heads.add(top);
            }
            return out;
        }, objects);
    }

    /** The next event of one journal. */
    private static final class Head {
        private final LazyStream.Source<LedgerEvent> source;
        private LedgerEvent event;

        Head(LazyStream.Source<LedgerEvent> source) {
            this.source = source;
        }

        boolean advance() throws IOException {
            event = source.next();
            return event != null;
        }
    }

    private static LazyStream.Source<LedgerEvent> open(GitObjects objects, LedgerSnapshot snapshot, Journal journal,
            EventQuery q, SegmentStore store, SegmentListing listing,
            Consumer<Finding> findings) throws IOException {
        String ref = journal.ref();
        if (!coversJournal(snapshot, ref, store, listing)) {
            List<LedgerEvent> all = new ArrayList<>();
            try (CachedJournal rows = new CachedJournal(objects, snapshot, journal, q, store, listing, findings)) {
                for (LedgerEvent e = rows.next(); e != null; e = rows.next()) {
                    all.add(e);
                }
            }
            all.sort(NEWEST_FIRST);
            var it = all.iterator();
            return () -> it.hasNext() ? it.next() : null;
        }
        ObjectId head = snapshot.head(ref);
        PreviousHead base = snapshot.base(ref);
        return new SortedJournal(objects, store, head == null ? null : head.name(),
                base == null ? null : base.head().name(), journal, q, findings);
    }

    /** Returns whether every journal of {@code journals} is cached in full rows from its head to its root. */
    public static boolean covers(LedgerSnapshot snapshot, List<Journal> journals, SegmentStore store,
            SegmentListing listing) {
        return !snapshot.isBased() && journals.stream().allMatch(j -> coversJournal(snapshot, j.ref(), store,
                listing));
    }

    /** Returns whether full-row segments chain from the head of {@code ref} down to its root or base head. */
    static boolean coversJournal(LedgerSnapshot snapshot, String ref, SegmentStore store,
            SegmentListing listing) {
        ObjectId head = snapshot.head(ref);
        PreviousHead base = snapshot.base(ref);
        String stop = base == null ? null : base.head().name();
        String id = head == null ? null : head.name();
        while (id != null && !id.equals(stop)) {
            SegmentSummary s = listing.full().contains(id) ? store.summary(id, true) : null;
            if (s == null) {
                return false;
            }
            id = s.base();
        }
        return true;
    }
}
