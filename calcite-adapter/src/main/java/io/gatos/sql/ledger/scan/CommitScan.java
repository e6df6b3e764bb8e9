package io.gatos.sql.ledger.scan;

import io.gatos.sql.ledger.CommitRecord;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.git.GitCommit;
import io.gatos.sql.ledger.git.GitObjects;
import io.gatos.sql.ledger.git.LazyStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdOwnerMap;

/**
 * Reads every commit reachable from refs/gatos/ (all parents), each once, attributed to the first
 * ref in sorted order whose history holds it. Lazy; remembers the ids it has emitted (about 40
 * bytes per commit) so shared history is not repeated. An id restriction still walks from the refs
 * (commit headers only, as each row needs its ref) but stops once every wanted id is found; an id
 * that does not exist costs a walk of all history. A committer time that does not fit
 * ({@link GitCommit#timeProblem}) is a {@code BAD_TIME} finding: this walk is the one that sees every
 * commit of every plane.
 *
 * <p>In a based snapshot the walk neither emits nor goes below any commit in
 * {@link LedgerSnapshot#baseHeads()}, whichever ref it is the base of, so it reads only the new
 * commits of refs that moved linearly. It does not paint whole old histories: a commit below a
 * base head that is reached another way (the other parent of a new merge, or the new chain of a
 * rewritten ref) is walked and emitted again, down to the next base head or the root.
 */
public final class CommitScan {
    private CommitScan() {
    }

    private static final class Seen extends ObjectIdOwnerMap.Entry {
        Seen(org.eclipse.jgit.lib.AnyObjectId id) {
            super(id);
        }
    }

    /** Returns a lazy stream of commits, restricted to {@code ids} when not null. */
    public static Stream<CommitRecord> stream(LedgerSnapshot snapshot, Set<String> ids, Consumer<Finding> findings) {
        GitObjects objects = snapshot.openObjects();
        Set<String> wanted;
        try {
            wanted = ids == null ? null : objects.existingCommits(ids);
        } catch (IOException e) {
            objects.close();
            throw new LedgerException(LedgerException.Code.IO, "reading the repository failed: " + e.getMessage(), e);
        }
        Iterator<Map.Entry<String, ObjectId>> refs = snapshot.refs().entrySet().iterator();
        Set<ObjectId> stops = snapshot.baseHeads();
        ObjectIdOwnerMap<Seen> seen = new ObjectIdOwnerMap<>();
        Deque<ObjectId> pending = new ArrayDeque<>();
        return LazyStream.of(new LazyStream.Source<>() {
            private String ref;
            private int found;

            @Override
            public CommitRecord next() throws IOException {
                while (wanted == null || found < wanted.size()) {
                    if (pending.isEmpty()) {
                        if (!refs.hasNext()) {
                            return null;
                        }
                        var next = refs.next();
                        ref = next.getKey();
                        pending.push(next.getValue());
                    }
                    ObjectId id = pending.pop();
                    if (seen.contains(id) || stops.contains(id)) {
                        continue;
                    }
                    seen.add(new Seen(id));
                    GitCommit commit = read(objects, ref, id, findings);
                    if (commit == null) {
                        continue;
                    }
                    if (commit.timeProblem() != null) {
                        findings.accept(new Finding(ref, commit.id(), null, FindingCode.BAD_TIME,
                                commit.timeProblem() + "; ts reads as 1970-01-01T00:00:00Z"));
                    }
                    for (int i = commit.parents().size() - 1; i >= 0; i--) {
                        pending.push(ObjectId.fromString(commit.parents().get(i)));
                    }
                    if (wanted == null || wanted.contains(commit.id())) {
                        found++;
                        return CommitRecord.of(commit, ref);
                    }
                }
                return null;
            }
        }, objects);
    }

    private static GitCommit read(GitObjects objects, String ref, ObjectId id, Consumer<Finding> findings)
            throws IOException {
        try {
            return objects.commit(id);
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, id.name(), null, FindingCode.MISSING_OBJECT, "commit " + id.name()
                    + " reachable from " + ref + " is missing (shallow or partial clone?)"));
        } catch (IncorrectObjectTypeException e) {
            // refs at blobs (consumer checkpoints) or trees hold no commits; the plane readers report misuse
        }
        return null;
    }
}
