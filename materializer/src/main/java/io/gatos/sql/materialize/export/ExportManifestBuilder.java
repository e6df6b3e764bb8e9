package io.gatos.sql.materialize.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.scan.Frontier;
import io.gatos.sql.materialize.manifest.ExplorerRoot;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.TableDigest;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the manifest of a finished run (row counts and digests read back from the work file, the
 * frontier, the Explorer-Root) and records the run in the file's {@code export_info} table.
 */
final class ExportManifestBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The planes of a state table: its profile depends on the state plane alone. */
    private static final Set<Plane> STATE_TABLE = Set.of(Plane.STATE);

    private ExportManifestBuilder() {
    }

    /** Describes a table written by this run. */
    interface Entries {
        /** Returns the manifest entry of {@code table}, which this run wrote. */
        ExportManifest.TableEntry of(TableSelection table) throws SQLException;
    }

    /** Returns the entries of an SQLite export: row counts and digests read back from {@code db}. */
    static Entries sqlite(ExportPlan plan, Connection db) {
        return t -> {
            TableDigest.Result digest = TableDigest.of(db, t.def().name(), SqliteDdl.columns(t),
                    SqliteDdl.keyColumns(t.def()));
            return new ExportManifest.TableEntry(t.columns(), plan.filterJson(t.def().name()), digest.rows(),
                    digest.digest());
        };
    }

    static ExportManifest build(ExportOptions options, ExportPlan plan, LedgerState state, Frontier frontier,
            Exporter.Decision decision, Entries written, SnapshotTables source) throws SQLException {
        SortedMap<String, ExportManifest.TableEntry> tables = new TreeMap<>();
        for (TableSelection t : plan.tables()) {
            String name = t.def().name();
            ExportManifest.TableEntry before = decision.previous() == null ? null
                    : decision.previous().tables().get(name);
            if (before != null && !decision.tables().contains(t)) {
                tables.put(name, before);
                continue;
            }
            tables.put(name, written.of(t));
        }
        SortedMap<String, ExportManifest.Head> heads = new TreeMap<>();
        frontier.refs().forEach((ref, base) -> heads.put(ref, new ExportManifest.Head(base.head().name(),
                base.length())));
        String foldRoot = foldRoot(plan, source);
        String explorerRoot = ExplorerRoot.compute(state.ledgerHead(), state.policyRoot(), foldRoot,
                Exporter.EXTRACTOR_VERSION);
        long runs = decision.previous() == null ? 1 : decision.previous().run().runs() + 1;
        return new ExportManifest(ExportManifest.SCHEMA_ID, 1, options.format().id(),
                options.out().getFileName().toString(), Exporter.EXTRACTOR_VERSION, state.stateRef(),
                new ExportManifest.CommitRange(id(source, options.since()), id(source, options.until())), heads,
                state.ledgerHead(), state.policyRoot(), foldRoot, explorerRoot, tables,
                new ExportManifest.Run(decision.mode().id(), options.since(), options.until(), runs),
                state.ledgerTime(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String id(SnapshotTables source, String rev) {
        return rev == null ? null : source.resolve(rev);
    }

    /**
     * Returns the fold root an export binds: only an export of state tables alone (those whose profile
     * depends on the state plane alone: {@code state_checkpoints}, {@code state_nodes}) is a derived state
     * export, and only when every state head names the same {@code Fold-Root}; otherwise null (a raw
     * ledger export).
     */
    private static String foldRoot(ExportPlan plan, SnapshotTables source) throws SQLException {
        if (!plan.tables().stream().allMatch(t -> t.def().profile().planes().equals(STATE_TABLE))) {
            return null;
        }
        List<String> roots = source.distinctFoldRoots();
        return roots.size() == 1 ? roots.get(0) : null;
    }

    /** Appends the run to {@code export_info}. */
    static void recordRun(Connection db, ExportManifest m) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO export_info (run, state_ref, commit_start,"
                + " commit_end, ledger_head, policy_root, fold_root, extractor_version, explorer_root, frontier,"
                + " tables, mode, ledger_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, m.run().runs());
            ps.setString(2, m.stateRef());
            ps.setString(3, m.commitRange().start());
            ps.setString(4, m.commitRange().end());
            ps.setString(5, m.ledgerHead());
            ps.setString(6, m.policyRoot());
            ps.setString(7, m.foldRoot());
            ps.setString(8, m.extractorVersion());
            ps.setString(9, m.explorerRoot());
            ps.setString(10, JSON.valueToTree(m.frontier()).toString());
            ps.setString(11, JSON.valueToTree(m.tables()).toString());
            ps.setString(12, m.run().mode());
            ps.setLong(13, m.ledgerTime());
            ps.executeUpdate();
        }
    }
}
