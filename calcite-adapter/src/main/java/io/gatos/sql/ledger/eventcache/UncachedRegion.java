package io.gatos.sql.ledger.eventcache;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.cache.SegmentBuilder;
import io.gatos.sql.ledger.cache.SegmentListing;
import io.gatos.sql.ledger.cache.SegmentStore;
import io.gatos.sql.ledger.cache.SegmentSummary;
import io.gatos.sql.ledger.decode.EventReader;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.NumberedWalk;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Walks the part of a journal the row cache does not hold, newest first, from a start commit down
 * to the first commit {@code end} accepts (a cached segment's tip or the snapshot's base head), the
 * root, or a missing object. Every commit is decoded (in full when the builder wants full rows) and
 * handed to the {@link SegmentBuilder} (nullable: nothing is written); the rows the query admits
 * are returned. {@link #topPos} numbers a region (one header walk of it). Not thread-safe; borrows
 * its {@link GitObjects}.
 */
final class UncachedRegion {
    private final EventQuery query;
    private final EventReader reader;
    private final SegmentBuilder builder;
    private final EventRowCodec codec = new EventRowCodec();
    private final ChainWalk walk;
    private final Consumer<Finding> findings;
    private long pos;
    private boolean ended;
    private boolean brokenObject;

    /**
     * Starts at {@code start}; {@code topPos} is the position of {@code start} (-1 when positions are
     * not wanted); {@code full} decodes envelopes even when the query does not need them.
     */
    UncachedRegion(GitObjects objects, Journal journal, String start, Predicate<String> end,
            EventQuery query, boolean full, SegmentBuilder builder, long topPos, Consumer<Finding> findings) {
        this.query = query;
        this.builder = builder;
        this.findings = findings;
        this.reader = new EventReader(objects, journal, full || query.envelopes(), this::found);
        this.walk = ChainWalk.until(objects, journal.ref(), ObjectId.fromString(start), id -> end.test(id.name()),
                FindingCode.MERGE_IN_JOURNAL, this::found);
        this.pos = topPos;
    }

    /** Returns the next admitted event, or null when the region has ended. */
    LedgerEvent next() throws IOException {
        while (!ended) {
            GitCommit commit = walk.next();
            if (commit == null) {
                ended = true;
                return null;
            }
            LedgerEvent event = reader.read(commit, pos, null);
            pos = pos < 0 ? -1 : pos - 1;
            if (builder != null) {
                builder.add(codec.encode(event, reader.envelope()), commit.id(), event.id(), event.tsMillis(),
                        commit.firstParent());
            }
            if (admits(event)) {
                return event;
            }
        }
        return null;
    }

    /** Returns the commit the region stopped before (a cached tip or the base head), or null at the chain's end. */
    String endCommit() {
        ObjectId at = walk.stoppedAt();
        return at == null ? null : at.name();
    }

    /** Returns whether some object of the region was missing or of the wrong type (its rows must not be cached). */
    boolean missedObjects() {
        return brokenObject;
    }

    private boolean admits(LedgerEvent e) {
        return (query.commitIds() == null || query.commitIds().contains(e.commitId()))
                && (query.ids() == null || query.ids().contains(e.id()));
    }

    /** Marks the region broken when part of it could not be read, so that it is not cached. */
    private void found(Finding f) {
        if (f.code() == FindingCode.MISSING_OBJECT || f.code() == FindingCode.UNEXPECTED_OBJECT) {
            brokenObject = true;
        }
        findings.accept(f);
    }

    /** Returns the absolute position of {@code start}, the newest commit of the region. */
    static long topPos(GitObjects objects, LedgerSnapshot snapshot, String ref, String start, Predicate<String> cached,
            SegmentStore store, SegmentListing listing) throws IOException {
        PreviousHead base = snapshot.base(ref);
        ChainWalk walk = ChainWalk.until(objects, ref, ObjectId.fromString(start),
                id -> base != null && id.equals(base.head()) || cached.test(id.name()), null, f -> { });
        long n = 0;
        while (walk.next() != null) {
            n++;
        }
        ObjectId at = walk.stoppedAt();
        long below = 0;
        if (at != null && base != null && at.equals(base.head())) {
            below = base.length() >= 0 ? base.length() : ChainWalk.length(objects, base.head());
        } else if (at != null) {
            SegmentSummary s = store.summary(at.name(), listing.full().contains(at.name()));
            below = s != null ? s.length() : ChainWalk.length(objects, at);
        }
        return below + n - 1;
    }
}
