package io.gatos.sql.ledger.scan;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.decode.EventReader;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.NumberedWalk;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Iterates one journal newest first, decoding the events a {@link EventQuery} admits; in a
 * based snapshot it stops at the journal's base head and numbers events absolutely. Not
 * thread-safe; borrows its {@link GitObjects}.
 */
final class JournalCursor {
    private final String ref;
    private final EventQuery query;
    private final NumberedWalk walk;
    private final EventReader reader;

    /** Opens journal {@code ref}; {@code countPositions} numbers events at the cost {@link NumberedWalk} gives. */
    JournalCursor(GitObjects objects, LedgerSnapshot snapshot, Journal journal, EventQuery query,
            boolean countPositions, Consumer<Finding> findings) {
        this.ref = journal.ref();
        this.query = query;
        this.reader = new EventReader(objects, journal, query.envelopes(), findings);
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
        return reader.read(commit, here, query.ids());
    }
}
