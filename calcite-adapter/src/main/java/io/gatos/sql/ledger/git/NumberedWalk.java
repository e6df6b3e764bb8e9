package io.gatos.sql.ledger.git;

import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Walks one linear ref of a snapshot newest first, down to its base head when the snapshot has
 * one, and numbers every commit with its absolute 0-based position along the chain (oldest 0).
 * Unbased, numbering costs one extra header walk of the whole chain up front. Based, the walk
 * reads up to {@value #PREFETCH} new commits ahead and numbers them from the base's length in
 * the same pass (plus a header walk of the old chain when that length is unknown); a longer new
 * part falls back to one extra header walk of it. Not thread-safe; borrows its {@link GitObjects}.
 */
public final class NumberedWalk {
    /** Most commits read ahead (and held) to number a based walk in one pass. */
    static final int PREFETCH = 1024;

    private final GitObjects objects;
    private final LedgerSnapshot snapshot;
    private final String ref;
    private final ChainWalk walk;
    private final ArrayDeque<GitCommit> ahead = new ArrayDeque<>();
    private final boolean positions;
    private boolean counted;
    private long pos;

    /** Opens the walk of {@code ref}; {@code positions} false skips numbering (every position is -1). */
    public NumberedWalk(GitObjects objects, LedgerSnapshot snapshot, String ref, FindingCode mergeCode,
            boolean positions, Consumer<Finding> findings) {
        this.objects = objects;
        this.snapshot = snapshot;
        this.ref = ref;
        this.walk = ChainWalk.since(objects, snapshot, ref, mergeCode, findings);
        this.positions = positions;
    }

    /** Reads the next commit (headers only), or returns null at the end of the walk. */
    public GitCommit next() throws IOException {
        if (positions && !counted) {
            pos = top();
            counted = true;
        }
        GitCommit commit = ahead.isEmpty() ? walk.next() : ahead.poll();
        if (commit != null && positions) {
            pos--;
        }
        return commit;
    }

    /** Returns the absolute position of the commit {@link #next} returned last, or -1 without numbering. */
    public long pos() {
        return positions ? pos : -1;
    }

    /** Returns the chain length at the snapshot's head, reading ahead when the ref is based. */
    private long top() throws IOException {
        PreviousHead base = snapshot.base(ref);
        if (base == null) {
            return ChainWalk.length(objects, snapshot.head(ref));
        }
        GitCommit c;
        while (ahead.size() < PREFETCH && (c = walk.next()) != null) {
            ahead.add(c);
        }
        if (ahead.size() == PREFETCH) {
            return ChainWalk.length(objects, snapshot.head(ref), base);
        }
        if (!walk.stopped()) {
            return ahead.size(); // the base head is not on the chain: all of it was read
        }
        return ahead.size() + (base.length() >= 0 ? base.length() : ChainWalk.length(objects, base.head()));
    }
}
