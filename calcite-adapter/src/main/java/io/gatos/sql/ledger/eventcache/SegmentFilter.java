package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.cache.SegmentSummary;
import java.util.HashSet;
import java.util.Set;
import io.gatos.sql.ledger.KeyRange;
import io.gatos.sql.ledger.EventQuery;

/**
 * Decides from a segment's summary alone whether a query needs its rows: the range and the Bloom
 * filter of its ids and commit ids, and whether the walk may stop there because nothing older can
 * be in the range. A segment that may hold the snapshot's base head is always read, to stop at it.
 * Pure; immutable.
 */
final class SegmentFilter {
    private final KeyRange range;
    private final Set<String> keys;
    private final String stop;

    /** Filters for {@code query} in a snapshot whose base head of the journal is {@code stop} (nullable). */
    SegmentFilter(EventQuery query, String stop) {
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
