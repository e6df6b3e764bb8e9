package io.gatos.sql.materialize.export;

import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.parquet.Staging;
import io.gatos.sql.materialize.sqlite.SqliteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Puts an output back into a state a run can continue after earlier runs were killed: finishes a
 * committed run (SQLite commit record, Parquet staging record), adopts the manifest an older
 * version left beside a file it had already renamed, and deletes stale temporary files. Runs at
 * the start of every run, {@code --full} included, under the output lock.
 */
final class InterruptedRuns {
    private InterruptedRuns() {
    }

    /** Recovers the output of {@code options}; notes what it finished or removed. */
    static void recover(ExportOptions options) {
        Path out = options.out();
        try {
            boolean finished = options.format() == Format.PARQUET ? parquet(out) : sqlite(out);
            if (finished) {
                options.observer().note("finished the run that was interrupted while committing");
            }
            int removed = StaleFiles.clean(out);
            if (removed > 0) {
                options.observer().note("removed " + removed + " temporary file(s) of interrupted runs beside " + out);
            }
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.IO, "cannot finish the interrupted run in "
                    + out + ": " + e.getMessage() + "; run with --full to rebuild it", e);
        }
    }

    private static boolean parquet(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        boolean finished = Staging.recover(out);
        if (!Files.exists(ExportManifestFile.pathOf(out))) {
            // a first run killed before its commit left only its (now empty) own directory
            deleteIfEmpty(out.resolve(Staging.OWN_DIR));
        }
        return finished;
    }

    private static boolean sqlite(Path out) throws IOException {
        return SqliteCommit.finish(out) || adoptManifest(out);
    }

    /**
     * Finishes a run of gatos-sql 0.1.1 and earlier killed between its renames (no commit record):
     * the file is the new one, and the manifest of that run is still beside it as a temporary file
     * whose Explorer-Root is the file's last {@code export_info} row.
     */
    private static boolean adoptManifest(Path out) throws IOException {
        if (!Files.isRegularFile(out) || !Files.exists(ExportManifestFile.pathOf(out))) {
            return false;
        }
        String fileRoot = lastRoot(out);
        ExportManifest current = readQuietly(ExportManifestFile.pathOf(out));
        if (fileRoot == null || current == null || fileRoot.equals(current.explorerRoot())) {
            return false;
        }
        for (Path tmp : StaleFiles.manifestTemporaries(out)) {
            ExportManifest candidate = readQuietly(tmp);
            if (candidate != null && fileRoot.equals(candidate.explorerRoot())) {
                AtomicFiles.replace(tmp, ExportManifestFile.pathOf(out));
                return true;
            }
        }
        return false;
    }

    private static String lastRoot(Path out) {
        try (Connection c = SqliteFile.openReadOnly(out)) {
            List<String> last = SqliteFile.query(c, "SELECT explorer_root FROM export_info ORDER BY run DESC", 1);
            return last.isEmpty() ? null : last.get(0);
        } catch (SQLException e) {
            return null;
        }
    }

    private static ExportManifest readQuietly(Path manifest) {
        try {
            return ExportManifestFile.read(manifest);
        } catch (MaterializeException e) {
            return null;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // it holds files: the output stays as it is and the compatibility check names it
        }
    }
}
