package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.git.ChainWalk;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Records where a ref stood at a previous export: its head and the number of commits on the
 * first-parent chain from that head to the root. A {@link LedgerSnapshot#withBase based snapshot}
 * presents only what was added above such heads.
 *
 * @param head the ref's head at the previous export; never null
 * @param length the first-parent chain length from {@code head} to the root, or -1 when unknown
 *     (readers that need it then compute it with {@link ChainWalk#length}, a header walk of the
 *     whole old history)
 */
public record PreviousHead(ObjectId head, long length) {
    /** Marks an unknown chain length. */
    public static final long UNKNOWN = -1;

    /** Checks that {@code head} is present and {@code length} is -1 or more, and keeps a plain copy of the id. */
    public PreviousHead {
        head = requireNonNull(head, "head").copy();
        if (length < UNKNOWN) {
            throw new IllegalArgumentException("length must be -1 (unknown) or more, not " + length);
        }
    }
}
