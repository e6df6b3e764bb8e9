package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.CommitFaults;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.SqliteFile;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one SQLite export run into a temporary copy of the output, then moves the file and its manifest
 * into place; on any failure the temporary files are removed and the previous export and manifest
 * stay byte for byte as they were.
 */
final class SqliteExportWriter {
    private final ExportRun run;

    SqliteExportWriter(ExportRun run) {
        this.run = requireNonNull(run, "run");
    }

    ExportResult write(Exporter.Decision decision) {
        Path out = run.options().out();
        Path tmp = null;
        Path manifestTmp = null;
        try {
            tmp = AtomicFiles.tempBeside(out);
            boolean fresh = decision.previous() == null;
            if (!fresh) {
                Files.copy(out, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Long> written = new TreeMap<>();
            ExportManifest manifest;
            try (Connection db = SqliteFile.openForLoad(tmp);
                    SnapshotTables source = new SnapshotTables(run.repository(), run.state().snapshot(),
                            decision.delta())) {
                SqliteDdl ddl = SqliteDdl.of(run.plan().tables());
                if (fresh) {
                    execute(db, ddl.createTables());
                    execute(db, List.of(SqliteDdl.exportInfo()));
                }
                load(db, source, decision, written);
                if (fresh) {
                    execute(db, ddl.createIndexes());
                    execute(db, ddl.createViews());
                }
                manifest = ExportManifestBuilder.build(run.options(), run.plan(), run.state(), run.frontier(), decision,
                        ExportManifestBuilder.sqlite(run.plan(), db), source);
                ExportManifestBuilder.recordRun(db, manifest);
                SqliteFile.seal(db, Exporter.USER_VERSION);
            }
            AtomicFiles.sync(tmp);
            Path manifestPath = ExportManifestFile.pathOf(out);
            CommitFaults.step("manifest temp");
            manifestTmp = ExportManifestFile.writeTemp(manifestPath, manifest);
            AtomicFiles.sync(manifestTmp);
            SqliteCommit.commit(out, tmp, manifestTmp);
            return result(decision, written, manifest);
        } catch (SQLException e) {
            throw new MaterializeException(MaterializeException.Code.SQL, "writing " + out + " failed: "
                    + e.getMessage() + "; the previous export is unchanged", e);
        } catch (IOException e) {
            throw new MaterializeException(MaterializeException.Code.IO, "writing " + out + " failed: "
                    + e.getMessage() + "; the previous export is unchanged", e);
        } finally {
            if (!SqliteCommit.pending(out)) {
                // past the commit point the temporaries are the export: the next run moves them into place
                AtomicFiles.deleteQuietly(tmp);
                AtomicFiles.deleteQuietly(manifestTmp);
            }
        }
    }

    private void load(Connection db, SnapshotTables source, Exporter.Decision decision, Map<String, Long> written)
            throws SQLException {
        TableLoader loader = new TableLoader(db, source, run.options().batchSize(), run.options().observer(), run.state().ledgerTime());
        for (TableSelection table : decision.tables()) {
            String name = table.def().name();
            boolean appendOnly = table.def().profile().appendOnly();
            String schema = appendOnly ? SnapshotTables.DELTA : SnapshotTables.SNAP;
            written.put(name, loader.load(table, schema, run.plan().filters().get(name), !appendOnly));
        }
    }

    private static void execute(Connection db, List<String> statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        db.commit();
    }

    private ExportResult result(Exporter.Decision decision, Map<String, Long> written, ExportManifest manifest)
            throws IOException {
        Map<String, Long> rows = new HashMap<>();
        manifest.tables().forEach((t, e) -> rows.put(t, e.rows()));
        return new ExportResult(run.options().out(), decision.mode(), written, rows, Files.size(run.options().out()),
                run.repository().stats().commits(), run.millis(), decision.note());
    }
}
