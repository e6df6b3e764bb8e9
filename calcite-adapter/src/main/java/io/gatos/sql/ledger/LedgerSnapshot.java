package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Holds the ref heads under {@code refs/gatos/} as they were at one instant; every scan of one SQL
 * statement reads through the same snapshot, so a ref that moves meanwhile does not tear a result.
 * Immutable and cheap; it holds no open resources (each scan opens and closes its own reader).
 */
public final class LedgerSnapshot {
    private final Repository repository;
    private final NavigableMap<String, ObjectId> refs;
    private final long takenAtMillis;
    private final ReadStats stats;

    /** Creates a snapshot of {@code refs} (copied) read from {@code repository}, counting reads in {@code stats}. */
    public LedgerSnapshot(Repository repository, SortedMap<String, ObjectId> refs, long takenAtMillis,
            ReadStats stats) {
        this.repository = requireNonNull(repository, "repository");
        this.stats = requireNonNull(stats, "stats");
        this.refs = Collections.unmodifiableNavigableMap(new TreeMap<>(refs));
        this.takenAtMillis = takenAtMillis;
    }

    /** Returns every ref name and head, sorted by name. */
    public NavigableMap<String, ObjectId> refs() {
        return refs;
    }

    /** Returns the refs whose names start with {@code prefix}, sorted by name. */
    public SortedMap<String, ObjectId> refsUnder(String prefix) {
        return refs.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Returns the head of {@code ref}, or null when the snapshot does not hold it. */
    public ObjectId head(String ref) {
        return refs.get(ref);
    }

    /** Returns when the snapshot was taken, in epoch milliseconds; derived states (expiry) use it as "now". */
    public long takenAtMillis() {
        return takenAtMillis;
    }

    /** Opens a new object reader on the repository; the caller must close it. */
    public GitObjects openObjects() {
        return new GitObjects(repository, stats);
    }
}
