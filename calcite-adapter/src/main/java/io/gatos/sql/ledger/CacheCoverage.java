package io.gatos.sql.ledger;

import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Tells whether the row cache holds whole journals in full rows, so that a commit-id lookup can be
 * answered from segment summaries (Bloom filters) instead of walking Git. Reads one footer per
 * segment of each journal.
 */
final class CacheCoverage {
    private CacheCoverage() {
    }

    /** Returns whether every journal of {@code journals} is cached in full rows from its head to its root. */
    static boolean covers(LedgerSnapshot snapshot, List<Map.Entry<String, String[]>> journals, SegmentStore store,
            SegmentStore.Listing listing) {
        if (snapshot.isBased()) {
            return false;
        }
        for (var j : journals) {
            ObjectId head = snapshot.head(j.getKey());
            String id = head == null ? null : head.name();
            while (id != null) {
                if (!listing.full().contains(id)) {
                    return false;
                }
                SegmentSummary s = store.summary(id, true);
                if (s == null) {
                    return false;
                }
                id = s.base();
            }
        }
        return true;
    }
}
