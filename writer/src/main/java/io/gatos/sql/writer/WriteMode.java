package io.gatos.sql.writer;

/**
 * Chooses how a {@link LedgerWriter} stores objects: in pack files written by one streaming
 * inserter (bulk work; writes become visible at each flush), or as loose objects with every ref
 * updated at once (tests that want loose objects or immediate visibility).
 */
public enum WriteMode {
    /** Objects go to pack files, flushed every N objects and at close; refs move at each flush. */
    PACKED,
    /** Objects are written loose and each ref moves as soon as its write returns. */
    LOOSE
}
