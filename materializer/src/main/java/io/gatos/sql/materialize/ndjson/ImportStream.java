package io.gatos.sql.materialize.ndjson;

import org.eclipse.jgit.lib.ObjectId;

/** Tracks one target ref through an import: its tip at the start, its new tip and the order of its ULIDs. */
final class ImportStream {
    final String ref;
    final ObjectId startTip;
    private final UlidSet existing;
    private ObjectId tip;
    private String lastUlid;
    private long lastLine;
    private long nextPos;
    private boolean exact;
    private long imported;

    /** Starts a stream at {@code startTip} (null: the ref is absent), whose envelopes hold {@code existing}. */
    ImportStream(String ref, ObjectId startTip, UlidSet existing) {
        this.ref = ref;
        this.startTip = startTip;
        this.existing = existing;
        this.tip = startTip;
        this.exact = startTip == null;
    }

    /** Rejects {@code ulid} unless it comes after the last one appended here and is not in the target's ref. */
    void checkNext(String ulid, long lineNo) throws ImportException {
        if (lastUlid != null && ulid.compareTo(lastUlid) <= 0) {
            throw new ImportException(lineNo, ulid.equals(lastUlid)
                    ? "duplicate ULID " + ulid + " in " + ref + " (also on line " + lastLine + ")"
                    : "ULID " + ulid + " is out of order in " + ref + ": not after " + lastUlid + " (line "
                            + lastLine + ")");
        }
        if (existing.contains(ulid)) {
            throw new ImportException(lineNo, "duplicate ULID " + ulid + ": already in the target's " + ref);
        }
    }

    /** Tells whether the event at source position {@code pos} may still be written as an exact copy. */
    boolean mayCopy(long pos) {
        return exact && pos == nextPos;
    }

    /**
     * Records {@code commit} (an exact copy or not) of the event {@code ulid} (null: an envelope
     * without one, which leaves the ULID order alone) at {@code pos} as the new tip.
     */
    void advance(ObjectId commit, boolean copied, String ulid, long lineNo, long pos) {
        if (!copied) {
            exact = false;
        }
        tip = commit;
        if (ulid != null) {
            lastUlid = ulid;
            lastLine = lineNo;
        }
        nextPos = pos + 1;
        imported++;
    }

    /** Returns the tip the next commit goes on (null while the ref is still absent). */
    ObjectId tip() {
        return tip;
    }

    /** Returns how many events were appended here. */
    long imported() {
        return imported;
    }
}
