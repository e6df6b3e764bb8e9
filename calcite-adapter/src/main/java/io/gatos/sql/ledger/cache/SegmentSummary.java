package io.gatos.sql.ledger.cache;

import static java.util.Objects.requireNonNull;

/**
 * Describes one segment: the newest commit {@code tip}, the parent of its oldest commit
 * ({@code base}, null at the root), the position of its oldest commit ({@code depth}), its row
 * count, whether rows hold full envelopes, the key bounds of its rows and of the whole chain from
 * it to the root ({@code chainMaxTs}, {@code chainMaxId}), and a Bloom filter over its commit ids
 * and row ids. Key bounds are meaningful only when {@code full}; ids are compared as strings.
 */
public record SegmentSummary(String tip, String base, long depth, int count, boolean full, long minTs, long maxTs,
        String minId, String maxId, long chainMaxTs, String chainMaxId, Bloom bloom) {

    /** Checks the non-null fields. */
    public SegmentSummary {
        requireNonNull(tip, "tip");
        requireNonNull(minId, "minId");
        requireNonNull(maxId, "maxId");
        requireNonNull(chainMaxId, "chainMaxId");
        requireNonNull(bloom, "bloom");
    }

    /** Returns the number of commits from the root up to and including the tip. */
    public long length() {
        return depth + count;
    }
}
