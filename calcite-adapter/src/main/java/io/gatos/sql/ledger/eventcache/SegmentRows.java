package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.cache.SegmentSummary;
import io.gatos.sql.ledger.git.GitObjects;
import java.util.HashSet;
import java.util.Set;

/**
 * Iterates the rows of one cached segment, newest first, with their absolute positions, keeping
 * those the query admits (ids, commit ids, range) and ending at the snapshot's base head when the
 * segment holds it. Checks that the objects each row stands for are still in the repository (its
 * commit; for an admitted row with envelope columns, its envelope blob): at the first that is not,
 * it stops and names the row ({@link #broken}), whose commit on must be read from Git, so that
 * answers never depend on the cache. One object lookup per row; not thread-safe.
 */
final class SegmentRows {
    private final EventRowCodec.Reader reader;
    private final SegmentSummary summary;
    private final String ref;
    private final Journal journal;
    private final String stop;
    private final EventQuery query;
    private final GitObjects objects;
    private LedgerEvent broken;
    private int read;
    private boolean reachedStop;

    /** Reads {@code body}, the rows {@code summary} describes, as journal {@code ref}; {@code stop} is nullable. */
    SegmentRows(byte[] body, SegmentSummary summary, Journal journal, String stop, EventQuery query,
            GitObjects objects) {
        this.objects = objects;
        this.reader = new EventRowCodec.Reader(body);
        this.summary = summary;
        this.ref = journal.ref();
        this.journal = journal;
                this.stop = stop;
        this.query = query;
    }

    /** Returns the next admitted row, or null at the segment's end, at the base head or at a {@link #broken} row. */
    LedgerEvent next() {
        while (read < summary.count()) {
            long pos = query.positions() ? summary.depth() + summary.count() - 1 - read : -1;
            read++;
            LedgerEvent e = reader.next(ref, journal.ns(), journal.actor(), pos, query.envelopes());
            if (e.commitId().equals(stop)) {
                reachedStop = true;
                read = summary.count();
                return null;
            }
            boolean admitted = admits(e);
            if (!present(e.commitId()) || admitted && query.envelopes() && reader.envelope() != null
                    && !present(reader.envelope())) {
                broken = e;
                read = summary.count();
                return null;
            }
            if (admitted) {
                return e;
            }
        }
        return null;
    }

    /** Returns the row whose commit or envelope blob is no longer in the repository (its position set), or null. */
    LedgerEvent broken() {
        return broken;
    }

    private boolean present(String id) {
        return objects.has(org.eclipse.jgit.lib.ObjectId.fromString(id));
    }

    /** Returns whether the rows ended at the base head (nothing older belongs to the snapshot). */
    boolean reachedStop() {
        return reachedStop;
    }

    private boolean admits(LedgerEvent e) {
        return (query.commitIds() == null || query.commitIds().contains(e.commitId()))
                && (query.ids() == null || query.ids().contains(e.id()))
                && (!summary.full() || query.range().admits(e.tsMillis(), e.id()));
    }

    /**
     * Decides from a segment's summary alone whether a query needs its rows: the range and the Bloom
     * filter of its ids and commit ids, and whether the walk may stop there because nothing older can
     * be in the range. A segment that may hold the snapshot's base head is always read, to stop at it.
     * Pure; immutable.
     */
    static final class Filter {
        private final KeyRange range;
        private final Set<String> keys;
        private final String stop;

        /** Filters for {@code query} in a snapshot whose base head of the journal is {@code stop} (nullable). */
        Filter(EventQuery query, String stop) {
            this.range = query.range();
            this.keys = keys(query);
            this.stop = stop;
        }

        private static Set<String> keys(EventQuery query) {
            if (query.ids() == null && query.commitIds() == null) {
                return null;
            }
            Set<String> all = new HashSet<>();
            if (query.ids() != null) {
                all.addAll(query.ids());
            }
            if (query.commitIds() != null) {
                all.addAll(query.commitIds());
            }
            return Set.copyOf(all);
        }

        /** Returns whether no row of {@code s} or of anything below it can be in the range (full segments only). */
        boolean chainBelowRange(SegmentSummary s) {
            return s.full() && (range.tsFrom() != null && s.chainMaxTs() < range.tsFrom()
                    || range.idFrom() != null && s.chainMaxId().compareTo(range.idFrom()) < 0);
        }

        /** Returns whether the rows of {@code s} may be wanted (false only when they certainly are not). */
        boolean wanted(SegmentSummary s) {
            if (stop != null && s.bloom().mayContain(stop)) {
                return true; // the base head may be inside: read it to stop there
            }
            if (s.full() && !range.overlaps(s.minTs(), s.maxTs(), s.minId(), s.maxId())) {
                return false;
            }
            return keys == null || keys.stream().anyMatch(k -> s.bloom().mayContain(k));
        }
    }
}
