package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.git.PackCacheSizing;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens a GATOS repository (bare or not) for reading and takes {@link LedgerSnapshot}s of its ref
 * heads. Thread-safe; must be closed. Opening reads only the repository configuration and refs.
 */
public final class LedgerRepository implements AutoCloseable {
    /** Prefix of every ref that holds ledger data. */
    public static final String GATOS_REFS = Plane.ROOT;

    private final Path path;
    private final Repository repository;
    private final ReadStats stats = new ReadStats();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LedgerRepository(Path path, Repository repository) {
        this.path = requireNonNull(path, "path");
        this.repository = requireNonNull(repository, "repository");
    }

    /**
     * Opens the repository at {@code path} (its work tree, its {@code .git} directory or a bare
     * repository) and checks that it holds refs under {@code refs/gatos/}.
     *
     * @throws LedgerException with {@code NOT_FOUND}, {@code NOT_A_REPOSITORY} or {@code NOT_GATOS}
     */
    public static LedgerRepository open(Path path) {
        LedgerRepository repo = openGit(path);
        try {
            if (repo.repository.getRefDatabase().getRefsByPrefix(GATOS_REFS).isEmpty()) {
                repo.close();
                throw new LedgerException(LedgerException.Code.NOT_GATOS, "not a GATOS repository: " + path
                        + " is a Git repository but has no refs under " + GATOS_REFS
                        + "; point repo= at a GATOS node, or create a sample with 'gatos generate'");
            }
        } catch (IOException e) {
            repo.close();
            throw new LedgerException(LedgerException.Code.IO, "cannot read the refs of " + path + ": "
                    + e.getMessage(), e);
        }
        return repo;
    }

    /** Opens the Git repository at {@code path} without requiring any GATOS refs. */
    public static LedgerRepository openGit(Path path) {
        requireNonNull(path, "path");
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new LedgerException(LedgerException.Code.NOT_FOUND, "not a GATOS repository: " + absolute
                    + " does not exist; check the repo= path");
        }
        File gitDir = RepositoryCache.FileKey.resolve(absolute.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new LedgerException(LedgerException.Code.NOT_A_REPOSITORY, "not a GATOS repository: "
                    + absolute + " is not a Git repository (no .git directory, HEAD or objects/ found)");
        }
        PackCacheSizing.installOnce();
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
            return new LedgerRepository(absolute, repository);
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Code.NOT_A_REPOSITORY, "cannot open " + absolute
                    + " as a Git repository: " + e.getMessage(), e);
        }
    }

    /** Returns the path the repository was opened from. */
    public Path path() {
        return path;
    }

    /** Returns the underlying JGit repository; it stays owned by this object. */
    public Repository git() {
        return repository;
    }

    /** Reads every ref under {@code refs/gatos/} once and returns them as an immutable snapshot. */
    public LedgerSnapshot snapshot() {
        try {
            TreeMap<String, ObjectId> heads = new TreeMap<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(GATOS_REFS)) {
                if (ref.getObjectId() != null) {
                    heads.put(ref.getName(), ref.getObjectId().copy());
                }
            }
            return new LedgerSnapshot(repository, heads, System.currentTimeMillis(), stats);
        } catch (IOException e) {
            throw new LedgerException(LedgerException.Code.IO, "cannot read the refs of " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns the counts of objects read through this repository so far. */
    public ReadStats stats() {
        return stats;
    }

    /** Returns whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Releases the repository; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            repository.close();
        }
    }
}
