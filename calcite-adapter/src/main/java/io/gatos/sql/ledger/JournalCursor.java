package io.gatos.sql.ledger;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Iterates one journal newest first, decoding the events a {@link EventScan.Query} admits; in a
 * based snapshot it stops at the journal's base head and numbers events absolutely. Not
 * thread-safe; borrows its {@link GitObjects}.
 */
final class JournalCursor {
    private final GitObjects objects;
    private final String ref;
    private final String ns;
    private final String actorSegment;
    private final EventScan.Query query;
    private final Consumer<Finding> findings;
    private final NumberedWalk walk;

    /** Opens journal {@code ref}; {@code countPositions} numbers events at the cost {@link NumberedWalk} gives. */
    JournalCursor(GitObjects objects, LedgerSnapshot snapshot, String ref, String[] parts, EventScan.Query query,
            boolean countPositions, Consumer<Finding> findings) {
        this.objects = objects;
        this.ref = ref;
        this.ns = parts[0];
        this.actorSegment = parts[1];
        this.query = query;
        this.findings = findings;
        this.walk = new NumberedWalk(objects, snapshot, ref, FindingCode.MERGE_IN_JOURNAL, countPositions, findings);
    }

    /** Returns the name of the journal ref this cursor reads. */
    String ref() {
        return ref;
    }

    /** Returns the next admitted event, or null at the end of the journal. */
    LedgerEvent next() throws IOException {
        GitCommit commit;
        while ((commit = step()) != null) {
            LedgerEvent event = accept(commit, walk.pos());
            if (event != null) {
                return event;
            }
        }
        return null;
    }

    /** Reads the next commit of the journal (headers only), or null at its end. */
    GitCommit step() throws IOException {
        return walk.next();
    }

    /** Returns the event of {@code commit} at position {@code here} when the query admits it, else null. */
    LedgerEvent accept(GitCommit commit, long here) throws IOException {
        if (query.commitIds() != null && !query.commitIds().contains(commit.id())) {
            return null;
        }
        LedgerEvent event = decode(commit, here);
        return event != null && (query.ids() == null || query.ids().contains(event.id())) ? event : null;
    }

    private LedgerEvent decode(GitCommit commit, long here) throws IOException {
        EventDecoder decoder = new EventDecoder(ref, ns, actorSegment, commit, here);
        if (!query.envelopes()) {
            return decoder.headerOnly();
        }
        ObjectId blob;
        try {
            blob = objects.blobAt(commit.tree(), Envelopes.PATH);
        } catch (MissingObjectException e) {
            return report(decoder, FindingCode.MISSING_OBJECT, "object " + e.getObjectId().name()
                    + " of the event tree is missing");
        }
        if (blob == null) {
            return report(decoder, FindingCode.BAD_JSON, "the commit has no " + Envelopes.PATH);
        }
        byte[] bytes;
        try {
            bytes = objects.blob(blob);
        } catch (MissingObjectException e) {
            return report(decoder, FindingCode.MISSING_OBJECT, "envelope blob " + blob.name() + " is missing");
        }
        if (query.ids() != null && !query.ids().contains(commit.id())
                && query.ids().stream().noneMatch(id -> EventScan.contains(bytes, id))) {
            return null; // cannot be a wanted ULID; an unreadable envelope's id is its commit id
        }
        LedgerEvent event = decoder.decode(bytes);
        if (event.error() != null) {
            findings.accept(new Finding(ref, commit.id(), Envelopes.PATH, FindingCode.BAD_JSON, event.error()));
        }
        return event;
    }

    private LedgerEvent report(EventDecoder decoder, FindingCode code, String reason) {
        LedgerEvent event = decoder.unreadable(reason);
        findings.accept(new Finding(ref, event.commitId(), Envelopes.PATH, code, reason));
        return query.ids() == null || query.ids().contains(event.id()) ? event : null;
    }
}
