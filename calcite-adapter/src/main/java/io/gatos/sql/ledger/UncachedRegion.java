package io.gatos.sql.ledger;

import io.gatos.sql.ledger.cache.SegmentBuilder;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Walks the part of a journal the row cache does not hold, newest first, from a start commit down
 * to the first commit {@code end} accepts (a cached segment's tip or the snapshot's base head), the
 * root, or a missing object. Every commit is decoded (in full when the builder wants full rows) and
 * handed to the {@link SegmentBuilder} (nullable: nothing is written); the rows the query admits
 * are returned. Not thread-safe; borrows its {@link GitObjects}.
 */
final class UncachedRegion {
    /** How a region ended. */
    enum End { ROOT, AT_END_COMMIT, BROKEN }

    private final GitObjects objects;
    private final String ref;
    private final EventScan.Query query;
    private final EventReader reader;
    private final SegmentBuilder builder;
    private final EventRowCodec codec = new EventRowCodec();
    private final Predicate<String> end;
    private final Consumer<Finding> findings;
    private String next;
    private long pos;
    private End ended;
    private String endCommit;
    private boolean brokenObject;

    /**
     * Starts at {@code start}; {@code topPos} is the position of {@code start} (-1 when positions are
     * not wanted); {@code full} decodes envelopes even when the query does not need them.
     */
    UncachedRegion(GitObjects objects, String ref, String[] parts, String start, Predicate<String> end,
            EventScan.Query query, boolean full, SegmentBuilder builder, long topPos, Consumer<Finding> findings) {
        this.objects = objects;
        this.ref = ref;
        this.query = query;
        this.end = end;
        this.builder = builder;
        this.findings = findings;
        this.reader = new EventReader(objects, ref, parts, full || query.envelopes(), this::found);
        this.next = start;
        this.pos = topPos;
    }

    /** Returns the next admitted event, or null when the region has ended ({@link #ended()} says how). */
    LedgerEvent next() throws IOException {
        while (ended == null) {
            GitCommit commit = step();
            if (commit == null) {
                return null;
            }
            LedgerEvent event = reader.read(commit, pos, null);
            pos = pos < 0 ? -1 : pos - 1;
            if (builder != null) {
                builder.add(codec.encode(event), commit.id(), event.id(), event.tsMillis(), commit.firstParent());
            }
            if (admits(event)) {
                return event;
            }
        }
        return null;
    }

    /** Returns how the region ended, or null while it goes on. */
    End ended() {
        return ended;
    }

    /** Returns the commit the region stopped before (a cached tip or the base head), else null. */
    String endCommit() {
        return endCommit;
    }

    private boolean admits(LedgerEvent e) {
        return (query.commitIds() == null || query.commitIds().contains(e.commitId()))
                && (query.ids() == null || query.ids().contains(e.id()));
    }

    private GitCommit step() throws IOException {
        if (next == null) {
            ended = End.ROOT;
            return null;
        }
        if (end.test(next)) {
            endCommit = next;
            ended = End.AT_END_COMMIT;
            return null;
        }
        GitCommit commit;
        try {
            commit = objects.commit(ObjectId.fromString(next));
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            new ChainWalk(objects, ref, ObjectId.fromString(next), null, findings).next(); // reports it
            ended = End.BROKEN;
            return null;
        }
        if (commit.parents().size() > 1) {
            findings.accept(new Finding(ref, commit.id(), null, FindingCode.MERGE_IN_JOURNAL, "merge commit with "
                    + commit.parents().size() + " parents in " + ref + "; only the first parent is followed"));
        }
        next = commit.firstParent();
        return commit;
    }

    /** Marks the region broken when part of it could not be read, so that it is not cached. */
    private void found(Finding f) {
        if (f.code() == FindingCode.MISSING_OBJECT) {
            brokenObject = true;
        }
        findings.accept(f);
    }

    /** Returns whether some object of the region was missing (its rows must not be cached). */
    boolean missedObjects() {
        return brokenObject;
    }
}
