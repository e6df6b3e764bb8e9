package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.NumberedWalk;

/**
 * Numbers an uncached region: counts its commits (headers only) down to a cached tip, the
 * snapshot's base head, the root or a missing object, and adds the length of what lies below.
 * Costs one header walk of the region, as {@link NumberedWalk} does for a whole journal.
 */
final class RegionLength {
    private RegionLength() {
    }

    /** Returns the absolute position of {@code start}, the newest commit of the region. */
    static long topPos(GitObjects objects, LedgerSnapshot snapshot, String ref, String start, Predicate<String> cached,
            SegmentStore store, SegmentListing listing) throws IOException {
        PreviousHead base = snapshot.base(ref);
        ChainWalk walk = ChainWalk.until(objects, ref, ObjectId.fromString(start),
                id -> base != null && id.equals(base.head()) || cached.test(id.name()), null, f -> { });
        long n = 0;
        while (walk.next() != null) {
            n++;
        }
        ObjectId at = walk.stoppedAt();
        long below = 0;
        if (at != null && base != null && at.equals(base.head())) {
            below = base.length() >= 0 ? base.length() : ChainWalk.length(objects, base.head());
        } else if (at != null) {
            SegmentSummary s = store.summary(at.name(), listing.full().contains(at.name()));
            below = s != null ? s.length() : ChainWalk.length(objects, at);
        }
        return below + n - 1;
    }
}
