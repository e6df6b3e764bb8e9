package io.gatos.sql.materialize;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.sqlite.SqliteDdl;
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
 * Writes one export run into a temporary copy of the output, then moves the file and its manifest
 * into place; on any failure the temporary files are removed and the previous export and manifest
 * stay byte for byte as they were.
 */
final class ExportWriter {
    private final ExportRun run;

    ExportWriter(ExportRun run) {
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
            Manifest manifest;
            try (Connection db = SqliteFile.openForLoad(tmp);
                    LedgerSource source = new LedgerSource(run.repository(), run.state().snapshot(), decision.delta())) {
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
                manifest = ManifestBuilder.build(run.options(), run.plan(), run.state(), run.frontier(), decision,
                        ManifestBuilder.sqlite(run.plan(), db), source);
                ManifestBuilder.recordRun(db, manifest);
                SqliteFile.seal(db, Exporter.USER_VERSION);
            }
            AtomicFiles.sync(tmp);
            Path manifestPath = ManifestFile.pathOf(out);
            CommitFaults.step("manifest temp");
            manifestTmp = ManifestFile.writeTemp(manifestPath, manifest);
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

    private void load(Connection db, LedgerSource source, Exporter.Decision decision, Map<String, Long> written)
            throws SQLException {
        TableLoader loader = new TableLoader(db, source, run.options().batchSize(), run.options().observer(), run.state().ledgerTime());
        for (TableSelection table : decision.tables()) {
            String name = table.def().name();
            boolean appendOnly = table.def().profile().appendOnly();
            String schema = appendOnly ? LedgerSource.DELTA : LedgerSource.SNAP;
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

    private ExportResult result(Exporter.Decision decision, Map<String, Long> written, Manifest manifest)
            throws IOException {
        Map<String, Long> rows = new HashMap<>();
        manifest.tables().forEach((t, e) -> rows.put(t, e.rows()));
        return new ExportResult(run.options().out(), decision.mode(), written, rows, Files.size(run.options().out()),
                run.repository().stats().commits(), run.millis(), decision.note());
    }
}
