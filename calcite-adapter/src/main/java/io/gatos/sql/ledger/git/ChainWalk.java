package io.gatos.sql.ledger.git;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Walks a linear history along first parents, newest first, reading one commit object per step.
 * A missing object ends the walk with a {@code MISSING_OBJECT} finding; a merge commit is reported
 * with {@code mergeCode} (when not null) and the walk goes on along its first parent. A walk with a
 * {@code stop} commit (or a stop test, {@link #until}) ends when such a commit would be read next,
 * without reading it. Not
 * thread-safe; borrows the {@link GitObjects} it is given.
 */
public final class ChainWalk implements LazyStream.Source<GitCommit> {
    private final GitObjects objects;
    private final String ref;
    private final FindingCode mergeCode;
    private final Consumer<Finding> findings;
    private final Predicate<ObjectId> stop;
    private ObjectId next;
    private ObjectId stoppedAt;

    /** Starts a walk at {@code head} (nullable: an empty walk) of {@code ref} that runs to the root. */
    public ChainWalk(GitObjects objects, String ref, ObjectId head, FindingCode mergeCode, Consumer<Finding> findings) {
        this(objects, ref, head, null, mergeCode, findings);
    }

    /** Starts a walk at {@code head} of {@code ref} that ends before {@code stop} (nullable: at the root). */
    public ChainWalk(GitObjects objects, String ref, ObjectId head, ObjectId stop, FindingCode mergeCode,
            Consumer<Finding> findings) {
        this(objects, ref, head, findings, mergeCode, stop == null ? id -> false : stop::equals);
    }

    private ChainWalk(GitObjects objects, String ref, ObjectId head, Consumer<Finding> findings, FindingCode mergeCode,
            Predicate<ObjectId> stop) {
        this.objects = requireNonNull(objects, "objects");
        this.ref = requireNonNull(ref, "ref");
        this.next = head;
        this.stop = stop;
        this.mergeCode = mergeCode;
        this.findings = requireNonNull(findings, "findings");
    }

    /**
     * Starts a walk at {@code head} (nullable) of {@code ref} that ends before the first commit
     * {@code stopBefore} accepts ({@link #stoppedAt} then names it), at the root, or at a problem.
     */
    public static ChainWalk until(GitObjects objects, String ref, ObjectId head, Predicate<ObjectId> stopBefore,
            FindingCode mergeCode, Consumer<Finding> findings) {
        return new ChainWalk(objects, ref, head, findings, mergeCode, requireNonNull(stopBefore, "stopBefore"));
    }

    /** Starts a walk of {@code ref} at its head in {@code snapshot} that ends before the ref's base head, if any. */
    public static ChainWalk since(GitObjects objects, LedgerSnapshot snapshot, String ref, FindingCode mergeCode,
            Consumer<Finding> findings) {
        PreviousHead base = snapshot.base(ref);
        return new ChainWalk(objects, ref, snapshot.head(ref), base == null ? null : base.head(), mergeCode, findings);
    }

    @Override
    public GitCommit next() throws IOException {
        if (next != null && stop.test(next)) {
            stoppedAt = next;
            next = null;
        }
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

    /** Returns whether the walk has ended at its stop commit (rather than at the root or a problem). */
    public boolean stopped() {
        return stoppedAt != null;
    }

    /** Returns the commit the walk stopped before, or null when it has not stopped at one. */
    public ObjectId stoppedAt() {
        return stoppedAt;
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

    /**
     * Counts the first-parent commits from {@code head} before {@code stop} (0 when they are equal),
     * reading the header of each; returns -1 when the chain ends (root, missing or non-commit object)
     * without meeting {@code stop}, which then cost a walk of the whole chain.
     */
    public static long lengthSince(GitObjects objects, ObjectId head, ObjectId stop) throws IOException {
        requireNonNull(stop, "stop");
        long n = 0;
        ObjectId id = head;
        while (id != null && !id.equals(stop)) {
            GitCommit c;
            try {
                c = objects.commit(id);
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                return -1;
            }
            n++;
            id = c.firstParent() == null ? null : ObjectId.fromString(c.firstParent());
        }
        return id == null ? -1 : n;
    }

    /**
     * Returns the absolute first-parent length of {@code head} (nullable: 0) when the part at and
     * below {@code base} (nullable) is already counted: reads the headers above the base only when
     * its length is known (nothing when {@code head} is the base head), the whole chain when there
     * is no base or its length is unknown, and the whole chain twice when the base head is not on it.
     */
    public static long length(GitObjects objects, ObjectId head, PreviousHead base) throws IOException {
        return length(objects, head, base, () -> { });
    }

    /**
     * Returns {@link #length(GitObjects, ObjectId, PreviousHead)}, calling {@code offChain} when the base head
     * is not on the chain.
     */
    public static long length(GitObjects objects, ObjectId head, PreviousHead base, Runnable offChain)
            throws IOException {
        if (base == null) {
            return length(objects, head);
        }
        long above = lengthSince(objects, head, base.head());
        if (above < 0) {
            offChain.run();
            return length(objects, head);
        }
        return above + (base.length() >= 0 ? base.length() : length(objects, base.head()));
    }
}
