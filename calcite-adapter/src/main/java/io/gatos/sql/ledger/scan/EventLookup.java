package io.gatos.sql.ledger.scan;

import io.gatos.sql.ledger.EventQuery;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.Journal;
import io.gatos.sql.ledger.LedgerEvent;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.ChainWalk;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Finds the events of given commits: walks every admitted journal in lockstep, newest first, one
 * commit header per journal per round, and stops when the last wanted commit is found. A commit
 * {@code d} steps below its journal's head costs about {@code d} times the number of journals
 * header reads; its position costs a header walk from it to the root (to the journal's base head
 * when the snapshot has a base of known length for it). In a based snapshot each journal is walked
 * down to its base head only. Not thread-safe.
 */
final class EventLookup {
    private EventLookup() {
    }

    static Stream<LedgerEvent> stream(GitObjects objects, LedgerSnapshot snapshot,
            List<Journal> journals, EventQuery query, Consumer<Finding> findings) {
        Set<String> unseen = new HashSet<>(query.commitIds());
        List<JournalCursor> cursors = new ArrayList<>();
        for (Journal j : journals) {
            cursors.add(new JournalCursor(objects, snapshot, j, query, false, findings));
        }
        return LazyStream.of(new LazyStream.Source<>() {
            private int turn;

            @Override
            public LedgerEvent next() throws IOException {
                while (!unseen.isEmpty() && !cursors.isEmpty()) {
                    turn = turn % cursors.size();
                    JournalCursor cursor = cursors.get(turn);
                    GitCommit commit = cursor.step();
                    if (commit == null) {
                        cursors.remove(turn);
                        continue;
                    }
                    turn++;
                    if (unseen.remove(commit.id())) {
                        long pos = query.positions() ? ChainWalk.length(objects, ObjectId.fromString(commit.id()),
                                snapshot.base(cursor.ref())) - 1 : -1;
                        LedgerEvent event = cursor.accept(commit, pos);
                        if (event != null) {
                            return event;
                        }
                    }
                }
                return null;
            }
        }, objects);
    }
}
