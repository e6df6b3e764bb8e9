package io.gatos.sql.ledger.scan;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitObjects;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Measures where every ref of a snapshot stands, for an incremental exporter to record as the
 * {@link PreviousHead} of its next run, and what moved since the previous one. Linear-chain refs (journals
 * {@code refs/gatos/journal/<ns>/<actor>}, topics {@code refs/gatos/shiplog/<topic>/head} and
 * {@code refs/gatos/messages/<topic>/head}, states {@code refs/gatos/state/<ns>}) get their
 * first-parent chain length; other refs get -1. Immutable.
 */
public final class Frontier {
    private final SortedMap<String, PreviousHead> refs;
    private final SortedSet<String> changed;
    private final SortedSet<String> removed;
    private final SortedSet<String> rewritten;

    private Frontier(SortedMap<String, PreviousHead> refs, SortedSet<String> changed, SortedSet<String> removed,
            SortedSet<String> rewritten) {
        this.refs = Collections.unmodifiableSortedMap(refs);
        this.changed = Collections.unmodifiableSortedSet(changed);
        this.removed = Collections.unmodifiableSortedSet(removed);
        this.rewritten = Collections.unmodifiableSortedSet(rewritten);
    }

    /**
     * Measures every ref of {@code current} (its base heads are ignored) against {@code previous}
     * (ref name to base; empty: a first export). A linear-chain ref costs nothing when its head did
     * not move and its previous length is known, a header walk of the new commits when it moved
     * ahead of a known previous length, and a header walk of its whole chain when it is new, its
     * previous length is unknown, or it was rewritten (then twice). Other refs cost nothing.
     *
     * @throws LedgerException {@code IO} when the repository cannot be read
     */
    public static Frontier measure(LedgerSnapshot current, Map<String, PreviousHead> previous) {
        requireNonNull(current, "current");
        requireNonNull(previous, "previous");
        SortedMap<String, PreviousHead> refs = new TreeMap<>();
        SortedSet<String> changed = new TreeSet<>();
        SortedSet<String> rewritten = new TreeSet<>();
        try (GitObjects objects = current.openObjects()) {
            for (Map.Entry<String, ObjectId> e : current.refs().entrySet()) {
                String ref = e.getKey();
                PreviousHead prev = previous.get(ref);
                if (prev == null || !prev.head().equals(e.getValue())) {
                    changed.add(ref);
                }
                long length = linear(ref)
                        ? ChainWalk.length(objects, e.getValue(), prev, () -> rewritten.add(ref))
                        : PreviousHead.UNKNOWN;
                refs.put(ref, new PreviousHead(e.getValue(), length));
            }
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Code.IO, "measuring the refs failed: " + e.getMessage(), e);
        }
        SortedSet<String> removed = new TreeSet<>(previous.keySet());
        removed.removeAll(current.refs().keySet());
        return new Frontier(refs, changed, removed, rewritten);
    }

    /** Returns whether {@code ref} names a linear chain: a journal, a topic head or a state ref. */
    static boolean linear(String ref) {
        return Journal.ofRef(ref) != null || ShiplogScan.topicOf(ref) != null
                || StateChain.namespaceOf(ref) != null;
    }

    /** Returns every ref of the measured snapshot with its head and length (-1 for non-chain refs), by name. */
    public SortedMap<String, PreviousHead> refs() {
        return refs;
    }

    /** Returns the refs that are new or whose head moved since the previous export, by name. */
    public Set<String> changed() {
        return changed;
    }

    /** Returns the refs of the previous export that the measured snapshot no longer holds, by name. */
    public Set<String> removed() {
        return removed;
    }

    /**
     * Returns the linear-chain refs that moved but whose previous head is not on their new
     * first-parent chain (history rewritten; a based scan reads them whole), by name.
     */
    public Set<String> rewritten() {
        return rewritten;
    }

    /** Returns the measured refs as the base of a later {@link LedgerSnapshot#withBase} (immutable). */
    public Map<String, PreviousHead> asBase() {
        return refs;
    }
}
