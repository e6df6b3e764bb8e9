package io.gatos.sql.ledger.git;

import io.gatos.sql.codec.Json;
import io.gatos.sql.ledger.Finding;
import io.gatos.sql.ledger.FindingCode;
import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reads the head commit of a ref and JSON files of its tree for the job and governance readers,
 * turning a missing object, a ref at a non-commit and unparsable JSON into findings. Stateless;
 * each call reads only the objects it names through the borrowed {@link GitObjects}.
 */
public final class HeadDocuments {
    private HeadDocuments() {
    }

    /** Returns the commit {@code ref} points at, or null after a finding when it is missing or not a commit. */
    public static GitCommit head(GitObjects objects, String ref, ObjectId target, Consumer<Finding> findings)
            throws IOException {
        try {
            return objects.commit(target);
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, target.name(), null, FindingCode.MISSING_OBJECT, "commit "
                    + target.name() + " of " + ref + " is missing (shallow or partial clone?); it is skipped"));
        } catch (IncorrectObjectTypeException e) {
            findings.accept(new Finding(ref, target.name(), null, FindingCode.UNEXPECTED_OBJECT, ref
                    + " points at a " + objects.typeName(target) + " object where a commit belongs"));
        }
        return null;
    }

    /** Returns the bytes of {@code path} in {@code commit}'s tree, or null when absent or missing (with a finding). */
    public static byte[] file(GitObjects objects, String ref, GitCommit commit, String path, Consumer<Finding> findings)
            throws IOException {
        try {
            ObjectId blob = objects.blobAt(commit.tree(), path);
            return blob == null ? null : objects.blob(blob);
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, commit.id(), path, FindingCode.MISSING_OBJECT, "object "
                    + e.getObjectId().name() + " is missing (shallow or partial clone?)"));
            return null;
        }
    }

    /**
     * Returns {@code path} of {@code commit} as compact sorted JSON, or null with a finding when it is
     * absent or does not parse ({@code BAD_JSON}) or its blob is missing ({@code MISSING_OBJECT}).
     */
    public static String json(GitObjects objects, String ref, GitCommit commit, String path, Consumer<Finding> findings)
            throws IOException {
        byte[] bytes;
        try {
            ObjectId blob = objects.blobAt(commit.tree(), path);
            if (blob == null) {
                findings.accept(new Finding(ref, commit.id(), path, FindingCode.BAD_JSON, "the commit has no "
                        + path));
                return null;
            }
            bytes = objects.blob(blob);
        } catch (MissingObjectException e) {
            findings.accept(new Finding(ref, commit.id(), path, FindingCode.MISSING_OBJECT, "object "
                    + e.getObjectId().name() + " is missing (shallow or partial clone?)"));
            return null;
        }
        try {
            return Json.write(Json.parse(bytes));
        } catch (Json.SyntaxException e) {
            findings.accept(new Finding(ref, commit.id(), path, FindingCode.BAD_JSON, path + " is not valid JSON: "
                    + e.getMessage()));
            return null;
        }
    }
}
