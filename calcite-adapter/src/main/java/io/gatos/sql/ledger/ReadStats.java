package io.gatos.sql.ledger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the Git objects read through one repository (commits and blobs), so tests and diagnostics
 * can see what a query cost. Thread-safe; counting costs one atomic increment per object.
 */
public final class ReadStats {
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong blobs = new AtomicLong();

    /** Returns the number of commit objects read so far. */
    public long commits() {
        return commits.get();
    }

    /** Returns the number of blob objects read so far. */
    public long blobs() {
        return blobs.get();
    }

    /** Counts one commit read. */
    public void commitRead() {
        commits.incrementAndGet();
    }

    /** Counts one blob read. */
    public void blobRead() {
        blobs.incrementAndGet();
    }
}
