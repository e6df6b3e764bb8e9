package io.gatos.sql.ledger.cache;

import java.util.Set;

/**
 * Names the segment tips present on disk, full and commit-level, when a {@link SegmentStore#list()}
 * was taken; costs one directory listing to make, nothing to query.
 *
 * @param full tips of segments holding full rows
 * @param headers tips of segments holding commit-level rows only
 * @param takenAtMillis when the listing was taken
 */
public record SegmentListing(Set<String> full, Set<String> headers, long takenAtMillis) {
    /** Returns whether a segment usable by a scan that needs full rows ({@code needFull}) or not has tip {@code id}. */
    public boolean usable(String id, boolean needFull) {
        return full.contains(id) || !needFull && headers.contains(id);
    }

    /** Returns a copy whose sets several threads may read and change at once (scans forget tips they find bad). */
    public SegmentListing concurrent() {
        Set<String> f = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<String> h = java.util.concurrent.ConcurrentHashMap.newKeySet();
        f.addAll(full);
        h.addAll(headers);
        return new SegmentListing(f, h, takenAtMillis);
    }
}
