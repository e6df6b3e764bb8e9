package io.gatos.sql.ledger;

import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import java.io.IOException;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

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
            SegmentStore store, SegmentStore.Listing listing) throws IOException {
        Base base = snapshot.base(ref);
        String stop = base == null ? null : base.head().name();
        long n = 0;
        String id = start;
        while (id != null && !id.equals(stop) && !cached.test(id)) {
            GitCommit c;
            try {
                c = objects.commit(ObjectId.fromString(id));
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                return n - 1;
            }
            n++;
            id = c.firstParent();
        }
        long below = 0;
        if (id != null && id.equals(stop)) {
            below = base.length() >= 0 ? base.length() : ChainWalk.length(objects, base.head());
        } else if (id != null) {
            SegmentSummary s = store.summary(id, listing.full().contains(id));
            below = s != null ? s.length() : ChainWalk.length(objects, ObjectId.fromString(id));
        }
        return below + n - 1;
    }
}
