package io.gatos.sql.materialize.export;

import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.ledger.scan.Frontier;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.OutputLock;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Runs {@code gatos export} (SQLite or Parquet): decides between a full export, an incremental one (only
 * commits not reachable from the previous frontier) and "up to date", then hands the work to
 * {@link SqliteExportWriter} or {@link ParquetExportWriter}. Holds the output's lock for the whole run.
 * All or nothing: a failed run leaves the previous export and manifest as they were.
 */
public final class Exporter {
    /** The extractor version recorded in manifests and bound by the Explorer-Root. */
    public static final String EXTRACTOR_VERSION = "gatos-sql/0.1.1";
    /** {@code PRAGMA user_version} of exports: the exporter version 0.1.1 as major*10000+minor*100+patch. */
    public static final int USER_VERSION = 101;

    private Exporter() {
    }

    /** Exports per {@code options}; throws {@link MaterializeException} with a code and an actionable message. */
    public static ExportResult run(ExportOptions options) {
        long start = System.nanoTime();
        ExportPlan plan = ExportPlan.of(options);
        try (OutputLock lock = OutputLock.acquire(options.out()); LedgerRepository repository = open(options)) {
            InterruptedRuns.recover(options);
            ExportManifest previous = Compatibility.previous(options, plan);
            LedgerState state = LedgerState.read(repository, options.until(), previous);
            Map<String, PreviousHead> prior = previous == null ? Map.of() : base(previous);
            Frontier frontier = Frontier.measure(state.snapshot(), prior);
            Decision decision = decide(options, plan, previous, frontier, state, repository);
            if (decision == null) {
                return new ExportResult(options.out(), ExportMode.UP_TO_DATE, Map.of(), rows(previous),
                        size(options, previous), repository.stats().commits(),
                        (System.nanoTime() - start) / 1_000_000, null);
            }
            ExportRun run = new ExportRun(options, plan, state, frontier, repository, start);
            return switch (options.format()) {
                case SQLITE -> new SqliteExportWriter(run).write(decision);
                case PARQUET -> new ParquetExportWriter(run).write(decision);
            };
        }
    }

    /** Says what one run writes: its mode, the previous manifest it continues, the delta snapshot and tables. */
    record Decision(ExportMode mode, ExportManifest previous, LedgerSnapshot delta, List<TableSelection> tables,
            String note) {
    }

    private static Decision decide(ExportOptions options, ExportPlan plan, ExportManifest previous, Frontier frontier,
            LedgerState state, LedgerRepository repository) {
        LedgerSnapshot whole = state.snapshot();
        if (options.since() != null) {
            LedgerSnapshot delta = whole.withBase(sinceBase(repository, whole, options.since()));
            ExportMode mode = previous == null ? ExportMode.FULL : ExportMode.INCREMENTAL;
            return new Decision(mode, previous, delta, plan.tables(), null);
        }
        if (previous == null) {
            return new Decision(ExportMode.FULL, null, whole, plan.tables(), null);
        }
        Set<String> lost = new TreeSet<>(frontier.removed());
        lost.addAll(frontier.rewritten());
        if (plan.tables().stream().anyMatch(t -> t.def().profile().appendOnly()
                && t.def().profile().touchedBy(lost))) {
            return new Decision(ExportMode.FULL, null, whole, plan.tables(), "rebuilt: refs " + lost
                    + " were removed or rewritten since the last export");
        }
        Set<String> moved = new TreeSet<>(frontier.changed());
        moved.addAll(lost);
        if (moved.isEmpty()) {
            return null;
        }
        List<TableSelection> touched = plan.tables().stream()
                .filter(t -> t.def().profile().touchedBy(moved)).toList();
        return new Decision(ExportMode.INCREMENTAL, previous, whole.withBase(base(previous)), touched, null);
    }

    /** Bases every ref whose first-parent history holds {@code since} at that commit. */
    private static Map<String, PreviousHead> sinceBase(LedgerRepository repository, LedgerSnapshot whole,
            String since) {
        ObjectId commit = LedgerState.resolve(repository, since, "--since");
        Map<String, PreviousHead> out = new HashMap<>();
        try (var objects = whole.openObjects()) {
            for (var ref : whole.refs().entrySet()) {
                if (io.gatos.sql.ledger.git.ChainWalk.lengthSince(objects, ref.getValue(), commit) >= 0) {
                    out.put(ref.getKey(), new PreviousHead(commit, -1));
                }
            }
        } catch (java.io.IOException e) {
            throw new MaterializeException(MaterializeException.Code.LEDGER, "cannot walk to --since " + since + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** Returns the frontier of {@code manifest} as a base. */
    static Map<String, PreviousHead> base(ExportManifest manifest) {
        Map<String, PreviousHead> out = new HashMap<>();
        manifest.frontier().forEach((ref, head) -> out.put(ref, new PreviousHead(ObjectId.fromString(head.head()),
                head.length())));
        return out;
    }

    private static Map<String, Long> rows(ExportManifest manifest) {
        Map<String, Long> out = new HashMap<>();
        manifest.tables().forEach((t, e) -> out.put(t, e.rows()));
        return out;
    }

    private static long size(ExportOptions options, ExportManifest manifest) {
        if (options.format() == Format.PARQUET) {
            return ParquetExportWriter.bytes(manifest);
        }
        try {
            return Files.size(options.out());
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static LedgerRepository open(ExportOptions options) {
        try {
            return LedgerRepository.open(options.repo());
        } catch (LedgerException e) {
            throw new MaterializeException(MaterializeException.Code.LEDGER, e.getMessage(), e);
        }
    }
}
