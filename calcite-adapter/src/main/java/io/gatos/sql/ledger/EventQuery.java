package io.gatos.sql.ledger;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Describes which journal events a scan reads and which of their columns it must fill: start from
 * {@link #all()}, {@link #headersOnly()} or {@link #forColumns(Collection)} and narrow with the
 * {@code with...} methods. A null set means "no restriction". Whether envelopes are read is decided
 * here alone ({@link #envelopes()}). Immutable and thread-safe.
 */
public final class EventQuery {
    /** Columns of the events table only the envelope fills; the others come from the ref and the commit. */
    public static final Set<String> ENVELOPE_COLUMNS = Set.of("id", "actor", "kind", "ts", "payload", "caps",
            "policy_root", "sig_alg", "error");

    private final Set<String> namespaces;
    private final Set<String> streams;
    private final Set<String> ids;
    private final Set<String> commitIds;
    private final boolean positions;
    private final boolean envelopeColumns;
    private final KeyRange range;
    private final boolean newestFirst;

    private EventQuery(Set<String> namespaces, Set<String> streams, Set<String> ids, Set<String> commitIds,
            boolean positions, boolean envelopeColumns, KeyRange range, boolean newestFirst) {
        this.namespaces = namespaces == null ? null : Set.copyOf(namespaces);
        this.streams = streams == null ? null : Set.copyOf(streams);
        this.ids = ids == null ? null : Set.copyOf(ids);
        this.commitIds = commitIds == null ? null : Set.copyOf(commitIds);
        this.positions = positions;
        this.envelopeColumns = envelopeColumns;
        this.range = range == null ? KeyRange.ALL : range;
        this.newestFirst = newestFirst;
    }

    /** Returns the query that reads every event with every column, {@code pos} included, in journal order. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, true, true, KeyRange.ALL, false);
    }

    /** Returns the query that reads every event's commit-level columns only: no envelope, no {@code pos}. */
    public static EventQuery headersOnly() {
        return new EventQuery(null, null, null, null, false, false, KeyRange.ALL, false);
    }

    /** Returns the query that fills exactly {@code columns} (events table column names) of every event. */
    public static EventQuery forColumns(Collection<String> columns) {
        boolean envelope = columns.stream().anyMatch(ENVELOPE_COLUMNS::contains);
        return new EventQuery(null, null, null, null, columns.contains("pos"), envelope, KeyRange.ALL, false);
    }

    /** Returns this query restricted to namespaces {@code values} (null: any). */
    public EventQuery withNamespaces(Set<String> values) {
        return new EventQuery(values, streams, ids, commitIds, positions, envelopeColumns, range, newestFirst);
    }

    /** Returns this query restricted to streams ({@code <ns>/<actor>}) {@code values} (null: any). */
    public EventQuery withStreams(Set<String> values) {
        return new EventQuery(namespaces, values, ids, commitIds, positions, envelopeColumns, range, newestFirst);
    }

    /** Returns this query restricted to event ULIDs {@code values} (null: any). */
    public EventQuery withIds(Set<String> values) {
        return new EventQuery(namespaces, streams, values, commitIds, positions, envelopeColumns, range, newestFirst);
    }

    /** Returns this query restricted to commits {@code values} (40-hex ids; null: any). */
    public EventQuery withCommitIds(Set<String> values) {
        return new EventQuery(namespaces, streams, ids, values, positions, envelopeColumns, range, newestFirst);
    }

    /** Returns this query restricted to event times and ids within {@code value} (null: no bound). */
    public EventQuery withRange(KeyRange value) {
        return new EventQuery(namespaces, streams, ids, commitIds, positions, envelopeColumns, value, newestFirst);
    }

    /** Returns this query with {@code pos} computed or not (one extra header walk of each journal read). */
    public EventQuery withPositions(boolean value) {
        return new EventQuery(namespaces, streams, ids, commitIds, value, envelopeColumns, range, newestFirst);
    }

    /** Returns this query with rows newest first across journals ({@code ts DESC, id DESC}; needs a cache). */
    public EventQuery withNewestFirst(boolean value) {
        return new EventQuery(namespaces, streams, ids, commitIds, positions, envelopeColumns, range, value);
    }

    /** Returns the namespaces admitted, or null for any. */
    public Set<String> namespaces() {
        return namespaces;
    }

    /** Returns the streams admitted, or null for any. */
    public Set<String> streams() {
        return streams;
    }

    /** Returns the event ULIDs admitted, or null for any. */
    public Set<String> ids() {
        return ids;
    }

    /** Returns the commit ids admitted, or null for any. */
    public Set<String> commitIds() {
        return commitIds;
    }

    /** Returns whether {@code pos} is computed. */
    public boolean positions() {
        return positions;
    }

    /**
     * Returns whether envelopes are read: when an envelope column is asked for, and whenever ids or
     * times are restricted or rows are ordered by time, since only the envelope knows them. Without
     * envelopes the envelope columns hold placeholders.
     */
    public boolean envelopes() {
        return envelopeColumns || ids != null || !range.isAll() || newestFirst;
    }

    /** Returns the time and id range, {@link KeyRange#ALL} when unbounded. */
    public KeyRange range() {
        return range;
    }

    /** Returns whether rows come newest first across journals. */
    public boolean newestFirst() {
        return newestFirst;
    }

    /** Returns whether the namespace, stream and commit restrictions let any event of {@code journal} through. */
    public boolean admits(Journal journal) {
        return (namespaces == null || namespaces.contains(journal.ns()))
                && (streams == null || streams.contains(journal.stream()))
                && (commitIds == null || !commitIds.isEmpty());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventQuery q && positions == q.positions && envelopes() == q.envelopes()
                && newestFirst == q.newestFirst && Objects.equals(namespaces, q.namespaces)
                && Objects.equals(streams, q.streams) && Objects.equals(ids, q.ids)
                && Objects.equals(commitIds, q.commitIds) && range.equals(q.range);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespaces, streams, ids, commitIds, positions, envelopes(), range, newestFirst);
    }

    @Override
    public String toString() {
        return "EventQuery[namespaces=" + namespaces + ", streams=" + streams + ", ids=" + ids + ", commitIds="
                + commitIds + ", positions=" + positions + ", envelopes=" + envelopes() + ", range=" + range
                + ", newestFirst=" + newestFirst + "]";
    }
}
