package io.gatos.sql.materialize.export;

import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExplorerRoot;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.manifest.TableDigest;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.SqliteFile;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code gatos verify}: recomputes the Explorer-Root from the repository and the row counts
 * and digests from the export file, and reports whether they match the manifest or which part
 * differs: the extractor changed, the repository advanced, or the file (or a Parquet dataset's
 * files) was altered. Reads the whole export once and, when the repository still matches, counts every exported table live.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Holds the outcome of one check: the part checked, whether it matched, and what differs. */
    public record Check(String part, boolean ok, String detail) {
    }

    /** Holds every check of one verification. */
    public record Report(Path export, List<Check> checks) {
        /** Copies the checks. */
        public Report {
            checks = List.copyOf(checks);
        }

        /** Returns whether every check matched. */
        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }

        /** Returns the checks that did not match. */
        public List<Check> failures() {
            return checks.stream().filter(c -> !c.ok()).toList();
        }
    }

    /** Verifies the export {@code export} against the repository at {@code repo}. */
    public static Report verify(Path repo, Path export) {
        if (!Files.exists(export)) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "no export at " + export);
        }
        ExportManifest manifest = ExportManifestFile.read(ExportManifestFile.pathOf(export));
        if (manifest == null) {
            throw new MaterializeException(MaterializeException.Code.INCOMPATIBLE_OUTPUT, export + " has no manifest "
                    + ExportManifestFile.pathOf(export).getFileName() + "; it was not written by gatos export");
        }
        List<Check> checks = new ArrayList<>();
        checks.add(extractor(manifest));
        try (LedgerRepository repository = LedgerRepository.open(repo)) {
            LedgerState state = LedgerState.read(repository, manifest.run().until());
            Check ledger = repository(manifest, state);
            checks.add(ledger);
            String root = ExplorerRoot.compute(state.ledgerHead(), state.policyRoot(), manifest.foldRoot(),
                    Exporter.EXTRACTOR_VERSION);
            checks.add(new Check("explorer_root", root.equals(manifest.explorerRoot()), root.equals(
                    manifest.explorerRoot()) ? root : "recomputed " + root + ", manifest says "
                            + manifest.explorerRoot()));
            checks.addAll("parquet".equals(manifest.format()) ? ParquetFileCheck.run(export, manifest)
                    : FileCheck.run(export, manifest));
            if (ledger.ok() && manifest.run().since() == null) {
                checks.add(liveRows(repository, state, manifest));
            }
        } catch (LedgerException e) {
            throw new MaterializeException(MaterializeException.Code.LEDGER, e.getMessage(), e);
        }
        return new Report(export, checks);
    }

    private static Check extractor(ExportManifest manifest) {
        boolean same = Exporter.EXTRACTOR_VERSION.equals(manifest.extractorVersion());
        return new Check("extractor", same, same ? manifest.extractorVersion() : "the extractor changed: the export"
                + " was written by " + manifest.extractorVersion() + ", this is " + Exporter.EXTRACTOR_VERSION);
    }

    private static Check repository(ExportManifest manifest, LedgerState state) {
        Map<String, String> then = manifest.heads();
        Map<String, String> now = new TreeMap<>();
        state.snapshot().refs().forEach((ref, id) -> now.put(ref, id.name()));
        List<String> diffs = new ArrayList<>();
        now.forEach((ref, id) -> {
            String old = then.get(ref);
            if (old == null) {
                diffs.add(ref + " is new");
            } else if (!old.equals(id)) {
                diffs.add(ref + " moved " + old.substring(0, 12) + " -> " + id.substring(0, 12));
            }
        });
        then.keySet().stream().filter(ref -> !now.containsKey(ref)).forEach(ref -> diffs.add(ref + " was removed"));
        if (diffs.isEmpty()) {
            return new Check("repository", true, now.size() + " refs as exported");
        }
        return new Check("repository", false, "the repository advanced since the export: " + diffs.size()
                + " ref(s) differ: " + String.join("; ", diffs.subList(0, Math.min(5, diffs.size())))
                + (diffs.size() > 5 ? "; ..." : ""));
    }

    private static Check liveRows(LedgerRepository repository, LedgerState state, ExportManifest manifest) {
        List<String> diffs = new ArrayList<>();
        try (SnapshotTables source = new SnapshotTables(repository, state.snapshot(), state.snapshot())) {
            for (var entry : manifest.tables().entrySet()) {
                String table = entry.getKey();
                var def = io.gatos.sql.catalog.Catalog.get().require(table);
                RowFilter filter = entry.getValue().filter() == null ? null
                        : RowFilter.parse(def, entry.getValue().filter());
                long live = source.count(def, filter);
                if (live != entry.getValue().rows()) {
                    diffs.add(table + ": the repository has " + live + ", the export " + entry.getValue().rows());
                }
            }
        } catch (SQLException e) {
            throw new MaterializeException(MaterializeException.Code.SQL, "counting live rows failed: " + e.getMessage(), e);
        }
        return new Check("rows", diffs.isEmpty(), diffs.isEmpty() ? "row counts match the repository"
                : "row counts differ from the repository: " + String.join("; ", diffs));
    }

    /** Checks the export file against its manifest. */
    static final class FileCheck {
        private FileCheck() {
        }

        static List<Check> run(Path export, ExportManifest manifest) {
            List<Check> out = new ArrayList<>();
            boolean pending = SqliteCommit.pending(export);
            out.add(new Check("commit", !pending, pending ? "a run was interrupted while committing; run gatos"
                    + " export again to finish it" : "no interrupted run"));
            try (Connection c = SqliteFile.openReadOnly(export)) {
                List<String> integrity = SqliteFile.query(c, "PRAGMA integrity_check", 3);
                out.add(new Check("integrity", integrity.equals(List.of("ok")), "integrity_check: " + integrity));
                List<String> unsafe = io.gatos.sql.materialize.sqlite.PortableSchema.nullUnsafeJsonChecks(c);
                out.add(new Check("portable", unsafe.isEmpty(), unsafe.isEmpty()
                        ? "every constraint holds for NULLs on every SQLite from 3.37"
                        : "CHECK (json_valid(...)) rejects NULL before SQLite 3.45 (Debian 12, Ubuntu 22.04/24.04) in "
                        + unsafe + ": that sqlite3 calls the file corrupt; re-export with --full"));
                List<String> last = SqliteFile.query(c, "SELECT explorer_root FROM export_info ORDER BY run DESC", 1);
                boolean same = !last.isEmpty() && last.get(0).equals(manifest.explorerRoot());
                out.add(new Check("export_info", same, same ? "last run matches the manifest"
                        : "the file was altered: export_info says " + last + ", the manifest " + manifest.explorerRoot()));
                out.add(tables(c, manifest));
            } catch (SQLException e) {
                out.add(new Check("file", false, "the file was altered or is not an export: " + e.getMessage()));
            }
            return out;
        }

        private static Check tables(Connection c, ExportManifest manifest) throws SQLException {
            List<String> diffs = new ArrayList<>();
            for (var entry : manifest.tables().entrySet()) {
                var def = io.gatos.sql.catalog.Catalog.get().require(entry.getKey());
                TableSelection selection = new TableSelection(def, entry.getValue().columns(), true);
                TableDigest.Result now = TableDigest.of(c, def.name(), SqliteDdl.columns(selection),
                        SqliteDdl.keyColumns(def));
                if (now.rows() != entry.getValue().rows() || !now.digest().equals(entry.getValue().digest())) {
                    diffs.add(def.name() + " (" + now.rows() + " rows, manifest " + entry.getValue().rows()
                            + (now.digest().equals(entry.getValue().digest()) ? "" : "; digest differs") + ")");
                }
            }
            return new Check("tables", diffs.isEmpty(), diffs.isEmpty() ? manifest.tables().size()
                    + " tables match their digests" : "the file was altered: " + String.join(", ", diffs));
        }
    }
}
