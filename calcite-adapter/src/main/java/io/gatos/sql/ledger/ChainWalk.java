package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Walks a linear history along first parents, newest first, reading one commit object per step.
 * A missing object ends the walk with a {@code MISSING_OBJECT} finding; a merge commit is reported
 * with {@code mergeCode} (when not null) and the walk goes on along its first parent. Not
 * thread-safe; borrows the {@link GitObjects} it is given.
 */
public final class ChainWalk implements LazyStream.Source<GitCommit> {
    private final GitObjects objects;
    private final String ref;
    private final FindingCode mergeCode;
    private final Consumer<Finding> findings;
    private ObjectId next;

    /** Starts a walk at {@code head} of {@code ref}. */
    public ChainWalk(GitObjects objects, String ref, ObjectId head, FindingCode mergeCode, Consumer<Finding> findings) {
        this.objects = requireNonNull(objects, "objects");
        this.ref = requireNonNull(ref, "ref");
        this.next = head;
        this.mergeCode = mergeCode;
        this.findings = requireNonNull(findings, "findings");
    }

    @Override
    public GitCommit next() throws IOException {
        if (next == null) {
            return null;
        }
        ObjectId id = next;
        next = null;
        GitCommit commit;
        try {
            commit = objects.commit(id);
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, id.name(), null, FindingCode.MISSING_OBJECT,
                    "commit " + id.name() + " is missing (shallow or partial clone?); history of " + ref
                            + " ends here"));
            return null;
        } catch (IncorrectObjectTypeException e) {
            findings.accept(new Finding(ref, id.name(), null, FindingCode.UNEXPECTED_OBJECT,
                    ref + " reaches " + id.name() + ", which is not a commit (a ref at a blob, tree or tag"
                            + " where a commit belongs)"));
            return null;
        }
        if (commit.parents().size() > 1 && mergeCode != null) {
            findings.accept(new Finding(ref, commit.id(), null, mergeCode, "merge commit with "
                    + commit.parents().size() + " parents in " + ref + "; only the first parent is followed"));
        }
        next = commit.firstParent() == null ? null : ObjectId.fromString(commit.firstParent());
        return commit;
    }

    /** Counts the commits from {@code head} to the root along first parents, reading headers only. */
    public static long length(GitObjects objects, ObjectId head) throws IOException {
        long n = 0;
        ObjectId id = head;
        while (id != null) {
            GitCommit c;
            try {
                c = objects.commit(id);
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                return n;
            }
            n++;
            id = c.firstParent() == null ? null : ObjectId.fromString(c.firstParent());
        }
        return n;
    }
}
