package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Holds one pointer occurrence (TABLES.md, pointers; LAYOUT §5): metadata only, never dereferenced.
 * {@code algo}, {@code size} and {@code capability} are nullable; {@code stateRef} is set when
 * {@code source} is {@code state} and null when it is {@code event}; the rest are non-null.
 * {@code path} is the file path, {@code #}, and an RFC 6901 JSON pointer. Immutable; no resources.
 */
public record PointerRecord(String digest, String kind, String algo, Long size, String location, String capability,
        String source, String stateRef, String commitId, String path) {
    /** Value of {@link #source()} for a pointer inside a state node. */
    public static final String STATE = "state";
    /** Value of {@link #source()} for a pointer inside an event payload. */
    public static final String EVENT = "event";

    /** Checks the non-null columns. */
    public PointerRecord {
        requireNonNull(digest, "digest");
        requireNonNull(kind, "kind");
        requireNonNull(location, "location");
        requireNonNull(source, "source");
        requireNonNull(commitId, "commitId");
        requireNonNull(path, "path");
    }

    /** Returns a copy found in another checkpoint or commit ({@code newStateRef} nullable). */
    public PointerRecord at(String newStateRef, String newCommitId) {
        return new PointerRecord(digest, kind, algo, size, location, capability, source, newStateRef, newCommitId,
                path);
    }
}
