package io.gatos.sql.writer;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Owns the object inserter and the ref heads of one {@link LedgerWriter}: inserts blobs, trees and
 * commits, keeps the writer's view of every ref it touched, and moves the real refs only after the
 * objects they name are on disk (at each flush in PACKED mode, at once in LOOSE mode).
 */
final class GitStore implements AutoCloseable {
    private static final ObjectId ABSENT = ObjectId.zeroId();

    private final Repository repo;
    private final WriterOptions options;
    private final PackWriter inserter;
    private final Map<String, ObjectId> heads = new HashMap<>();
    private final Map<String, ObjectId> pending = new LinkedHashMap<>();
    private long unflushed;
    private boolean closed;

    /** Initializes an empty repository at {@code dir} with branch {@code main}. */
    static void init(Path dir, boolean bare) {
        try {
            // closing Git closes the repository it created (a second close would log a JGit warning)
            Git.init().setDirectory(dir.toFile()).setBare(bare).setInitialBranch("main").call().close();
        } catch (GitAPIException e) {
            throw new UncheckedIOException(new IOException("cannot init " + dir + ": " + e.getMessage(), e));
        }
    }

    /** Opens the repository at {@code dir}; throws IllegalArgumentException when there is none. */
    static GitStore open(Path dir, WriterOptions options) throws IOException {
        File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new IllegalArgumentException("not a Git repository: " + dir);
        }
        return new GitStore(new FileRepositoryBuilder().setGitDir(gitDir)
                .setMustExist(true).build(), options);
    }

    GitStore(Repository repo, WriterOptions options) {
        this.repo = requireNonNull(repo, "repo");
        this.options = requireNonNull(options, "options");
        this.inserter = PackWriter.open(repo, options.mode() == WriteMode.PACKED);
    }

    Repository repository() {
        return repo;
    }

    ObjectId blob(byte[] bytes) throws IOException {
        unflushed++;
        return inserter.insert(Constants.OBJ_BLOB, bytes);
    }

    /** Inserts the trees of {@code files} (slash-separated paths) and returns the root tree id. */
    ObjectId tree(Map<String, byte[]> files) throws IOException {
        TreeBuilder root = new TreeBuilder();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            root.add(e.getKey(), blob(requireNonNull(e.getValue(), e.getKey())));
        }
        return root.insert(this::insertTree);
    }

    private ObjectId insertTree(byte[] formatted) throws IOException {
        unflushed++;
        return inserter.insert(Constants.OBJ_TREE, formatted);
    }

    ObjectId commit(ObjectId tree, String message, List<ObjectId> parents, Instant time) throws IOException {
        PersonIdent ident = new PersonIdent(options.name(), options.email(), time, ZoneOffset.UTC);
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        cb.setParentIds(parents);
        cb.setAuthor(ident);
        cb.setCommitter(ident);
        cb.setMessage(message);
        unflushed++;
        return inserter.insert(cb);
    }

    /** Returns the writer's view of {@code ref}: its pending target, else its target on disk, else null. */
    ObjectId head(String ref) throws IOException {
        ObjectId id = heads.get(ref);
        if (id == null) {
            Ref found = repo.exactRef(ref);
            id = found == null || found.getObjectId() == null ? ABSENT : found.getObjectId();
            heads.put(ref, id);
        }
        return ABSENT.equals(id) ? null : id;
    }

    /** Returns {@code [head(ref)]}, or an empty list when the ref does not exist yet. */
    List<ObjectId> parentsOf(String ref) throws IOException {
        ObjectId head = head(ref);
        return head == null ? List.of() : List.of(head);
    }

    void setRef(String ref, ObjectId target) throws IOException {
        requireNonNull(target, "target");
        if (!Repository.isValidRefName(ref) || !ref.startsWith(Constants.R_REFS)) {
            throw new IllegalArgumentException("not a legal ref name: " + ref);
        }
        heads.put(ref, target.copy());
        pending.put(ref, target.copy());
        operationDone();
    }

    void deleteRef(String ref) throws IOException {
        heads.put(ref, ABSENT);
        pending.put(ref, ABSENT);
        operationDone();
    }

    private void operationDone() throws IOException {
        if (options.mode() == WriteMode.LOOSE || unflushed >= options.flushEveryObjects()) {
            flush();
        }
    }

    /** Writes pending objects to disk, then moves every pending ref. */
    void flush() throws IOException {
        inserter.flush();
        unflushed = 0;
        for (Map.Entry<String, ObjectId> e : pending.entrySet()) {
            applyRef(e.getKey(), e.getValue());
        }
        pending.clear();
    }

    private void applyRef(String name, ObjectId target) throws IOException {
        RefUpdate update = repo.updateRef(name);
        update.disableRefLog();
        update.setForceUpdate(true);
        if (ABSENT.equals(target)) {
            if (repo.exactRef(name) != null) {
                check(name, update.delete());
            }
            return;
        }
        update.setNewObjectId(target);
        check(name, update.forceUpdate());
    }

    private static void check(String name, RefUpdate.Result result) throws IOException {
        switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
            }
            default -> throw new IOException("cannot update " + name + ": " + result);
        }
    }

    void packRefs() throws IOException {
        flush();
        try {
            Git.wrap(repo).packRefs().setAll(true).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot pack refs: " + e.getMessage(), e);
        }
    }

    void gc() throws IOException {
        flush();
        try {
            Git.wrap(repo).gc().call();
        } catch (GitAPIException e) {
            throw new IOException("cannot gc: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            inserter.close();
            repo.close();
        }
    }
}
