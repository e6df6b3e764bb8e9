package io.gatos.sql.writer;

import java.io.IOException;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;

/**
 * Inserts Git objects into one repository: streamed into packs (fast compression, no look-up of
 * existing objects) when {@code packed} and the repository is on disk, loose otherwise. The one
 * place gatos-sql creates an object inserter, for the ledger writer and for {@code gatos import}.
 * Objects are readable after {@link #flush()}; must be closed; not thread-safe.
 */
public final class PackWriter implements AutoCloseable {
    private final ObjectInserter inserter;

    private PackWriter(ObjectInserter inserter) {
        this.inserter = inserter;
    }

    /** Opens a writer on {@code repo}; {@code packed} streams objects into packs where the repository allows. */
    public static PackWriter open(Repository repo, boolean packed) {
        if (packed && repo.getObjectDatabase() instanceof ObjectDirectory dir) {
            PackInserter packer = dir.newPackInserter();
            // A duplicate of an object already packed is harmless; looking for one costs a stat per insert.
            packer.checkExisting(false);
            packer.setCompressionLevel(Deflater.BEST_SPEED);
            return new PackWriter(packer);
        }
        return new PackWriter(repo.newObjectInserter());
    }

    /** Inserts an object of type {@code type} ({@code Constants.OBJ_*}) and returns its id. */
    public ObjectId insert(int type, byte[] bytes) throws IOException {
        return inserter.insert(type, bytes);
    }

    /** Inserts the commit {@code commit} describes and returns its id. */
    public ObjectId insert(CommitBuilder commit) throws IOException {
        return inserter.insert(commit);
    }

    /** Returns the id an object of type {@code type} with content {@code bytes} would have; inserts nothing. */
    public ObjectId idFor(int type, byte[] bytes) {
        return inserter.idFor(type, bytes);
    }

    /** Writes every object inserted so far to disk (a pack when packed). */
    public void flush() throws IOException {
        inserter.flush();
    }

    @Override
    public void close() {
        inserter.close();
    }
}
