package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.cache.SegmentBuilder;
import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads one journal newest first through the row cache: runs of commits the cache holds come from
 * their segment files, the rest from Git through {@link UncachedRegion}, which writes new segments
 * as it goes. A segment whose keys cannot match the query's ids, commit ids or range is skipped
 * unread, and the walk ends once the chain bounds show nothing older can be in the range (so
 * out-of-order ULIDs only make it walk further, never give wrong rows). The ref heads of the
 * snapshot decide what is read; the cache only saves decoding. Not thread-safe; close it.
 */
public final class CachedJournal implements LazyStream.Source<LedgerEvent>, AutoCloseable {
    private final GitObjects objects;
    private final LedgerSnapshot snapshot;
    private final String ref;
    private final Journal journal;
    private final EventQuery query;
    private final SegmentStore store;
    private final SegmentListing listing;
    private final Consumer<Finding> findings;
    private final String stop;
    private final SegmentRows.Filter filter;
    private String next;
    private SegmentRows rows;
    private UncachedRegion region;
    private SegmentBuilder builder;
    private boolean extending;

    public CachedJournal(GitObjects objects, LedgerSnapshot snapshot, Journal journal, EventQuery query,
            SegmentStore store, SegmentListing listing, Consumer<Finding> findings) {
        this.objects = objects;
        this.snapshot = snapshot;
        this.ref = journal.ref();
        this.journal = journal;
                this.query = query;
        this.store = store;
        this.listing = listing;
        this.findings = findings;
        PreviousHead base = snapshot.base(ref);
        this.stop = base == null ? null : base.head().name();
        this.filter = new SegmentRows.Filter(query, stop);
        ObjectId head = snapshot.head(ref);
        this.next = head == null ? null : head.name();
    }

    /**
     * Fills the cache with the part of {@code journal} it lacks: reads that part from Git (full rows,
     * envelopes included) and writes it as segments, decoding nothing already cached and yielding no
     * rows. Costs one decode of each uncached commit.
     */
    static void fill(GitObjects objects, LedgerSnapshot snapshot, Journal journal, SegmentStore store,
            SegmentListing listing, Consumer<Finding> findings) throws IOException {
        // a range no event lies in: cached segments are skipped unread, uncached rows are cached and not yielded
        EventQuery fill = EventQuery.all().withPositions(false).withRange(KeyRange.NONE);
        try (CachedJournal rows = new CachedJournal(objects, snapshot, journal, fill, store, listing, findings)
                .extending()) {
            while (rows.next() != null) {
                // nothing is yielded: every row of the uncached part goes to the cache as it is read
            }
        }
    }

    /** Makes this journal write regions shorter than the store's minimum too when they lie on a cached segment. */
    CachedJournal extending() {
        extending = true;
        return this;
    }

    @Override
    public LedgerEvent next() throws IOException {
        while (true) {
            if (rows != null) {
                LedgerEvent e = rows.next();
                if (e != null) {
                    return e;
                }
                if (rows.reachedStop()) {
                    next = null;
                } else if (rows.broken() != null) {
                    readFromGit(rows.broken());
                }
                rows = null;
            }
            if (region != null) {
                LedgerEvent e = region.next();
                if (e != null) {
                    return e;
                }
                finishRegion();
            }
            if (next == null || next.equals(stop)) {
                return null;
            }
            if (!openSegment()) {
                openRegion();
            }
        }
    }

    /** Reads the summary of the segment at {@code next} and queues its rows; false when there is none. */
    private boolean openSegment() {
        boolean needFull = query.envelopes();
        if (!listing.usable(next, needFull)) {
            return false;
        }
        boolean full = listing.full().contains(next);
        SegmentSummary s = store.summary(next, full);
        if (s == null) {
            forget(next);
            return false;
        }
        if (filter.chainBelowRange(s)) {
            next = null; // nothing from here to the root can be in the range
            return true;
        }
        if (filter.wanted(s)) {
            var loaded = store.body(next, full);
            if (loaded == null) {
                forget(next);
                return false;
            }
            s = loaded.summary(); // the file may have been rewritten since its summary was read
            rows = new SegmentRows(loaded.body(), s, journal, stop, query, objects);
        }
        next = s.base();
        return true;
    }

    /** Drops a vanished or damaged segment from the listing, so the region read from Git replaces it. */
    private void forget(String tip) {
        listing.full().remove(tip);
        listing.headers().remove(tip);
    }

    private void openRegion() throws IOException {
        boolean full = query.envelopes();
        long top = -1;
        if (query.positions()) {
            top = UncachedRegion.topPos(objects, snapshot, ref, next, id -> listing.usable(id, full), store, listing);
        }
        builder = snapshot.isBased() ? null : extending ? store.extendingBuilder(full, listing.takenAtMillis())
                : store.builder(full, listing.takenAtMillis());
        region = new UncachedRegion(objects, journal, next, id -> id.equals(stop) || listing.usable(id, full),
                query, full, builder, top, findings);
    }

    /**
     * Reads the journal from Git from {@code row} on, whose commit or envelope blob left the
     * repository after it was cached, to the next cached segment: exactly what an uncached scan
     * reads there (an error row, or the end of the journal at a missing commit). Writes nothing.
     */
    private void readFromGit(LedgerEvent row) {
        String start = row.commitId();
        boolean full = query.envelopes();
        region = new UncachedRegion(objects, journal, start,
                id -> !id.equals(start) && (id.equals(stop) || listing.usable(id, full)), query, full, null,
                row.pos(), findings);
    }

    /** Completes the segments of a region that reached the root or the cache, else drops them. */
    private void finishRegion() throws IOException {
        UncachedRegion r = region;
        region = null;
        String end = r.endCommit(); // null at the root or a missing object
        next = end;
        if (builder == null) {
            return;
        }
        SegmentBuilder b = builder;
        builder = null;
        try (b) {
            if (r.missedObjects() || end != null && end.equals(stop)) {
                return;
            }
            SegmentSummary below = null;
            if (end != null) {
                below = store.summary(end, listing.full().contains(end));
                if (below == null) {
                    return; // evicted meanwhile: the depth is unknown
                }
            }
            b.finish(below);
        }
    }

    @Override
    public void close() {
        if (builder != null) {
            builder.discard();
            builder = null;
        }
    }
}
