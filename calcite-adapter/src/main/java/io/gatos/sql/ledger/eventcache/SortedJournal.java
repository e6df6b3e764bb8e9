package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.cache.SegmentBuilder;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.PriorityQueue;

/**
 * Reads one fully cached journal newest first by time: loads segments from the head down only
 * while the best loaded row might be older than something below (compared with the next segment's
 * chain bounds), and skips segments the query's range or keys exclude. Holds the rows of the
 * segments it had to load; a journal written in time order holds about one segment. A segment
 * whose body turns out damaged is read from Git again and rewritten. Not thread-safe.
 */
final class SortedJournal implements LazyStream.Source<LedgerEvent> {
    private final GitObjects objects;
    private final java.util.function.Consumer<Finding> findings;
    private final SegmentStore store;
    private final String stop;
    private final String ref;
    private final Journal journal;
    private final EventQuery query;
    private final SegmentRows.Filter filter;
    private final PriorityQueue<LedgerEvent> loaded = new PriorityQueue<>(SortedEvents.NEWEST_FIRST);
    private String next;
    private SegmentSummary below;

    /** Reads from {@code head} (nullable) down to the root or {@code stop} (nullable). */
    SortedJournal(GitObjects objects, SegmentStore store, String head, String stop, Journal journal,
            EventQuery query, java.util.function.Consumer<Finding> findings) {
        this.objects = objects;
        this.findings = findings;
        this.store = store;
        this.next = head;
        this.stop = stop;
        this.ref = journal.ref();
        this.journal = journal;
                this.query = query;
        this.filter = new SegmentRows.Filter(query, stop);
    }

    @Override
    public LedgerEvent next() throws IOException {
        while (true) {
            SegmentSummary bound = peek();
            LedgerEvent best = loaded.peek();
            if (best != null && (bound == null || newerThanChain(best, bound))) {
                return loaded.poll();
            }
            if (bound == null) {
                return null;
            }
            load(bound);
        }
    }

    /** Returns the summary of the next segment to load, or null when none is left. */
    private SegmentSummary peek() throws IOException {
        if (below != null) {
            return below;
        }
        if (next == null || next.equals(stop)) {
            return null;
        }
        below = store.summary(next, true);
        if (below == null) {
            throw new IOException("row cache segment " + next + " vanished during the scan; run the query again");
        }
        if (filter.chainBelowRange(below)) {
            next = null; // nothing from here down can be in the range
            below = null;
        }
        return below;
    }

    private static boolean newerThanChain(LedgerEvent e, SegmentSummary chain) {
        return e.tsMillis() > chain.chainMaxTs()
                || e.tsMillis() == chain.chainMaxTs() && e.id().compareTo(chain.chainMaxId()) > 0;
    }

    private void load(SegmentSummary s) throws IOException {
        below = null;
        next = s.base();
        if (!filter.wanted(s)) {
            return;
        }
        var segment = store.body(s.tip(), true);
        if (segment == null) {
            reread(s);
            return;
        }
        next = segment.summary().base(); // the file may have been rewritten since its summary was read
        SegmentRows rows = new SegmentRows(segment.body(), segment.summary(), journal, stop, query, objects);
        for (LedgerEvent e = rows.next(); e != null; e = rows.next()) {
            loaded.add(e);
        }
        if (rows.reachedStop()) {
            next = null;
        } else if (rows.broken() != null) {
            LedgerEvent at = rows.broken(); // its objects left the repository: read from Git as an uncached scan does
            fromGit(at.commitId(), segment.summary().base(), at.pos(), null, null);
        }
    }

    /** Reads a damaged or vanished segment's commits from Git again, writing the segment anew. */
    private void reread(SegmentSummary s) throws IOException {
        String base = s.base();
        SegmentSummary under = base == null ? null : store.summary(base, true);
        try (var builder = base != null && under == null ? null
                : store.extendingBuilder(true, System.currentTimeMillis())) {
            fromGit(s.tip(), base, query.positions() ? s.length() - 1 : -1, builder, under);
        }
    }

    /**
     * Reads commits from Git from {@code start} down to {@code base}, {@code stop}, the root or a
     * missing commit (where the journal then ends), handing them to {@code builder} (nullable) and
     * completing its segment on {@code under} when the region is whole.
     */
    private void fromGit(String start, String base, long topPos, SegmentBuilder builder, SegmentSummary under)
            throws IOException {
        UncachedRegion region = new UncachedRegion(objects, journal, start,
                id -> id.equals(base) || id.equals(stop), query, true, builder, topPos, findings);
        for (LedgerEvent e = region.next(); e != null; e = region.next()) {
            loaded.add(e);
        }
        String end = region.endCommit();
        boolean atStop = end != null && end.equals(stop);
        next = atStop ? null : end; // null also at the root, or at a missing commit
        if (builder != null && !atStop && !region.missedObjects()) {
            builder.finish(under);
        }
    }
}
