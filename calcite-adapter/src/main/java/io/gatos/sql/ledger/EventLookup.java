package io.gatos.sql.ledger;

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
 * header reads; its position costs a header walk from it to the root. Not thread-safe.
 */
final class EventLookup {
    private EventLookup() {
    }

    static Stream<LedgerEvent> stream(GitObjects objects, LedgerSnapshot snapshot,
            List<Map.Entry<String, String[]>> journals, EventScan.Query query, Consumer<Finding> findings) {
        Set<String> unseen = new HashSet<>(query.commitIds());
        List<JournalCursor> cursors = new ArrayList<>();
        try {
            for (var j : journals) {
                cursors.add(new JournalCursor(objects, snapshot, j.getKey(), j.getValue(), query, false, findings));
            }
        } catch (IOException e) {
            objects.close();
            throw new LedgerException(LedgerException.Code.IO, "reading the repository failed: " + e.getMessage(), e);
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
                        long pos = query.positions() ? ChainWalk.length(objects, ObjectId.fromString(commit.id())) - 1 : -1;
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
