package io.gatos.sql.materialize.ndjson;

import io.gatos.sql.layout.TreePaths;
import io.gatos.sql.writer.PackWriter;
import java.io.IOException;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Writes the objects of imported events, reusing a source commit's id when its rebuilt bytes match it
 * and otherwise recording the source in trailers.
 */
final class CommitWriter implements AutoCloseable {
    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*: .*");

    /**
     * Names the commit written for one event.
     *
     * @param commit its id
     * @param exact whether it is an exact copy of the source commit
     */
    record Written(ObjectId commit, boolean exact) {
    }

    private final PackWriter inserter;
    private final int flushEvery;
    private long inserted;

    /** Opens an inserter on {@code repo} that writes a pack every {@code flushEvery} objects. */
    CommitWriter(Repository repo, int flushEvery) {
        this.inserter = PackWriter.open(repo, true);
        this.flushEvery = flushEvery;
    }

    /**
     * Writes the commit of {@code line} on {@code parent}, as an exact copy of the source commit when
     * {@code tryExact} and the rebuilt bytes have the source's id.
     */
    Written write(EventLine line, ObjectId parent, boolean tryExact, PersonIdent author, PersonIdent committer)
            throws IOException {
        ObjectId tree = tree(line.meta().envelope());
        if (tryExact) {
            byte[] raw = commit(tree, parent, author, committer, line.meta().message()).build();
            if (inserter.idFor(Constants.OBJ_COMMIT, raw).name().equals(line.commit())) {
                return new Written(insert(Constants.OBJ_COMMIT, raw), true);
            }
            // e.g. attachments in the source tree: provenance goes into trailers
        }
        String message = withSource(line.meta().message(), line.pos(), line.commit());
        return new Written(insert(Constants.OBJ_COMMIT, commit(tree, parent, author, committer, message).build()),
                false);
    }

    private ObjectId tree(byte[] envelope) throws IOException {
        TreeFormatter inner = new TreeFormatter();
        inner.append(TreePaths.ENVELOPE_FILE, FileMode.REGULAR_FILE, insert(Constants.OBJ_BLOB, envelope));
        TreeFormatter outer = new TreeFormatter();
        outer.append(TreePaths.ENVELOPE_DIR, FileMode.TREE, insert(Constants.OBJ_TREE, inner.toByteArray()));
        return insert(Constants.OBJ_TREE, outer.toByteArray());
    }

    private static CommitBuilder commit(ObjectId tree, ObjectId parent, PersonIdent author, PersonIdent committer,
            String message) {
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) {
            cb.setParentId(parent);
        }
        cb.setAuthor(author);
        cb.setCommitter(committer);
        cb.setMessage(message);
        return cb;
    }

    private ObjectId insert(int type, byte[] bytes) throws IOException {
        ObjectId id = inserter.insert(type, bytes);
        if (++inserted % flushEvery == 0) {
            inserter.flush();
        }
        return id;
    }

    /**
     * Appends {@code Source-Pos} and {@code Source-Commit} to the trailer block of {@code message}
     * (starting one when its last paragraph is not a trailer block).
     */
    static String withSource(String message, long pos, String commit) {
        String body = message.stripTrailing();
        int cut = body.lastIndexOf("\n\n");
        boolean trailerBlock = cut >= 0
                && body.substring(cut + 2).lines().allMatch(l -> TRAILER.matcher(l).matches());
        return body + (trailerBlock ? "\n" : "\n\n") + "Source-Pos: " + pos + "\nSource-Commit: " + commit + "\n";
    }

    /** Writes out every object inserted so far. */
    void flush() throws IOException {
        inserter.flush();
    }

    @Override
    public void close() {
        inserter.close();
    }
}
