package io.gatos.sql.ledger.git;

import io.gatos.sql.ledger.ReadStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads commits, trees and blobs of one repository through a single JGit {@link ObjectReader}.
 * Not thread-safe; must be closed. Each call reads the objects it names and nothing else.
 */
public final class GitObjects implements AutoCloseable {
    /** Blobs larger than this are streamed rather than held whole by JGit's cache. */
    private static final int STREAM_THRESHOLD = 16 * 1024 * 1024;

    private final ObjectReader reader;
    private final ReadStats stats;

    /** Opens a reader on {@code repository} counting into {@code stats}; the caller closes it. */
    public GitObjects(Repository repository, ReadStats stats) {
        this.reader = repository.newObjectReader();
        this.stats = java.util.Objects.requireNonNull(stats, "stats");
    }

    /** Returns the Git type constant of {@code id} ({@link Constants#OBJ_COMMIT} and so on). */
    public int typeOf(ObjectId id) throws IOException {
        return reader.open(id).getType();
    }

    /** Returns the Git type name of {@code id} ({@code commit}, {@code blob}, ...), or {@code missing}. */
    public String typeName(ObjectId id) throws IOException {
        try {
            return Constants.typeString(typeOf(id));
        } catch (MissingObjectException e) {
            return "missing";
        }
    }

    /** Returns whether {@code id} names an object present in the repository. */
    public boolean has(ObjectId id) {
        try {
            return reader.has(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns those of {@code ids} that are 40-hex ids of commits present in the repository: one
     * object header read per id, so lookups of ids that do not exist cost no history walk.
     */
    public java.util.Set<String> existingCommits(java.util.Set<String> ids) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String id : ids) {
            if (ObjectId.isId(id) && id.equals(id.toLowerCase(java.util.Locale.ROOT))) {
                ObjectId oid = ObjectId.fromString(id);
                if (reader.has(oid) && reader.open(oid).getType() == Constants.OBJ_COMMIT) {
                    out.add(id);
                }
            }
        }
        return java.util.Set.copyOf(out);
    }

    /**
     * Reads and parses the commit {@code id}.
     *
     * @throws MissingObjectException when the object is absent (shallow or partial clone)
     * @throws IncorrectObjectTypeException when {@code id} names something else
     */
    public GitCommit commit(ObjectId id) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_COMMIT);
        stats.commitRead();
        return GitCommit.parse(id.name(), loader.getCachedBytes());
    }

    /**
     * Returns the bytes of commit {@code id} exactly as stored, for callers that must copy what the
     * parse would normalise (identity lines, a message that is not UTF-8).
     *
     * @throws MissingObjectException when the object is absent
     * @throws IncorrectObjectTypeException when {@code id} names something else
     */
    public byte[] rawCommit(ObjectId id) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_COMMIT);
        stats.commitRead();
        return loader.getCachedBytes();
    }

    /**
     * Returns whether commit {@code ancestor} is {@code tip} or reachable from it; walks the history
     * between them (all parents) with a walk of its own.
     *
     * @throws IncorrectObjectTypeException when either id names something other than a commit
     */
    public boolean isAncestor(ObjectId ancestor, ObjectId tip) throws IOException {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(reader)) {
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(tip));
        }
    }

    /** Reads the whole blob {@code id}. */
    public byte[] blob(ObjectId id) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        stats.blobRead();
        return loader.getCachedBytes(Integer.MAX_VALUE - 16);
    }

    /** Returns the size in bytes of object {@code id} without reading its content when possible. */
    public long size(ObjectId id) throws IOException {
        return reader.getObjectSize(id, ObjectReader.OBJ_ANY);
    }

    /** Feeds every byte of blob {@code id} to {@code sink} in pieces, never holding large blobs whole. */
    public void stream(ObjectId id, BiConsumer<byte[], Integer> sink) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        stats.blobRead();
        if (!loader.isLarge() && loader.getSize() < STREAM_THRESHOLD) {
            byte[] bytes = loader.getCachedBytes();
            sink.accept(bytes, bytes.length);
            return;
        }
        try (var in = loader.openStream()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sink.accept(buf, n);
            }
        }
    }

    /** Returns the blob at {@code path} in tree {@code tree}, or null when there is no such blob. */
    public ObjectId blobAt(String tree, String path) throws IOException {
        ObjectId at = ObjectId.fromString(tree);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
            TreeEntries.Entry entry = TreeEntries.find(reader.open(at, Constants.OBJ_TREE).getCachedBytes(), name);
            if (entry == null) {
                return null;
            }
            if (slash < 0) {
                return entry.isFile() ? entry.id() : null;
            }
            if (!entry.isTree()) {
                return null;
            }
            at = entry.id();
            start = slash + 1;
        }
    }

    /** Calls {@code visitor} with the path and id of every blob in {@code tree}, recursively, in path order. */
    public void blobs(String tree, BiConsumer<String, ObjectId> visitor) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(ObjectId.fromString(tree));
            walk.setRecursive(true);
            while (walk.next()) {
                if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                    visitor.accept(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
