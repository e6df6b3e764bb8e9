package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.git.GitObjects;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Holds the ref heads under {@code refs/gatos/} as they were at one instant; every scan of one SQL
 * statement reads through the same snapshot, so a ref that moves meanwhile does not tear a result.
 * Immutable and cheap; it holds no open resources (each scan opens and closes its own reader).
 *
 * <p>A <em>based</em> snapshot ({@link #withBase}) carries, per ref, the {@link PreviousHead} that ref had at
 * a previous export and presents only what was added since: every first-parent history walk
 * (journals, shiplog topics, state checkpoints and what is read through them: events, messages,
 * checkpoints, state nodes, pointers) stops at the base head of the ref it walks, without reading
 * it, and the commit walk stops at any base head of any ref. Positions stay absolute (the base's
 * chain length plus the index above it). A ref with no base is read whole (it is new), and a ref
 * whose base head is not on its first-parent chain (history rewritten) is read whole too. Derived
 * planes (consumers, jobs, governance, refs) ignore the base.
 */
public final class LedgerSnapshot {
    private final Repository repository;
    private final NavigableMap<String, ObjectId> refs;
    private final long takenAtMillis;
    private final ReadStats stats;
    private final Map<String, PreviousHead> base;
    private final Set<ObjectId> baseHeads;

    /**
     * Creates an unbased snapshot of {@code refs} (copied) read from {@code repository}, counting
     * reads in {@code stats}.
     */
    public LedgerSnapshot(Repository repository, SortedMap<String, ObjectId> refs, long takenAtMillis,
            ReadStats stats) {
        this(repository, Collections.unmodifiableNavigableMap(new TreeMap<>(refs)), takenAtMillis, stats, Map.of());
    }

    private LedgerSnapshot(Repository repository, NavigableMap<String, ObjectId> refs, long takenAtMillis,
            ReadStats stats, Map<String, PreviousHead> base) {
        this.repository = requireNonNull(repository, "repository");
        this.stats = requireNonNull(stats, "stats");
        this.refs = refs;
        this.takenAtMillis = takenAtMillis;
        this.base = Map.copyOf(requireNonNull(base, "base"));
        Set<ObjectId> heads = new HashSet<>();
        this.base.values().forEach(b -> heads.add(b.head()));
        this.baseHeads = Set.copyOf(heads);
    }

    /**
     * Returns a snapshot of the same repository, refs, time and read counters that presents only
     * what was added above {@code base} (ref name to its head and length at a previous export;
     * copied; empty: the unbased snapshot). Costs nothing; no object is read.
     */
    public LedgerSnapshot withBase(Map<String, PreviousHead> base) {
        return new LedgerSnapshot(repository, refs, takenAtMillis, stats, base);
    }

    /** Returns the base of {@code ref}, or null when the snapshot has none for it (the ref is read whole). */
    public PreviousHead base(String ref) {
        return base.get(ref);
    }

    /** Returns whether this snapshot has a base for at least one ref. */
    public boolean isBased() {
        return !base.isEmpty();
    }

    /** Returns the heads of every base (immutable, empty when unbased); the commit walk stops at any of them. */
    public Set<ObjectId> baseHeads() {
        return baseHeads;
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
