package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.Journal;

/**
 * Tells whether the row cache holds whole journals in full rows, so that a commit-id lookup can be
 * answered from segment summaries (Bloom filters) instead of walking Git, and a sorted scan can
 * merge from segments alone. Reads one footer per
 * segment of each journal.
 */
public final class CacheCoverage {
    private CacheCoverage() {
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
