package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.materialize.AtomicFiles;
import io.gatos.sql.materialize.CommitFaults;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.parquet.ParquetTable;
import io.gatos.sql.materialize.parquet.StagedFile;
import io.gatos.sql.materialize.parquet.Staging;
import io.gatos.sql.materialize.parquet.TableLayout;
import io.gatos.sql.materialize.sqlite.TableSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes one export run into a Parquet dataset directory: every table's new files are staged, then
 * committed together with the manifest (see {@link Staging}); append-only tables gain files, the
 * others are rewritten. On any failure before the commit the dataset and manifest stay as they were.
 */
final class ParquetExportWriter {
    private final ExportRun run;

    ParquetExportWriter(ExportRun run) {
        this.run = requireNonNull(run, "run");
    }

    ExportResult write(Exporter.Decision decision) {
        Path out = run.options().out();
        Path manifestPath = ExportManifestFile.pathOf(out);
        ExportManifest old = ExportManifestFile.read(manifestPath);
        Staging staging = null;
        Path manifestTmp = null;
        boolean created = !Files.exists(out);
        try {
            Files.createDirectories(out);
            staging = Staging.open(out);
            Map<String, ExportManifest.TableEntry> entries = new HashMap<>();
            Map<String, Long> written = new TreeMap<>();
            List<Staging.Move> moves = new ArrayList<>();
            Set<String> kept = new java.util.HashSet<>();
            ExportManifest manifest;
            try (SnapshotTables source = new SnapshotTables(run.repository(), run.state().snapshot(),
                    decision.delta())) {
                for (TableSelection t : decision.tables()) {
                    String name = t.def().name();
                    TableLayout layout = TableLayout.of(t.def(), t.columns());
                    ParquetTable.Written result = exportTable(source, layout, staging, decision);
                    written.put(name, result.read());
                    List<ExportManifest.FileEntry> files = files(decision, layout, result.files());
                    entries.put(name, entry(t, files));
                    result.files().forEach(f -> moves.add(new Staging.Move(f.staged(), out.resolve(f.path()))));
                    result.extra().forEach((from, to) -> moves.add(new Staging.Move(from, out.resolve(to))));
                }
                manifest = ExportManifestBuilder.build(run.options(), run.plan(), run.state(), run.frontier(), decision,
                        t -> entries.get(t.def().name()), source);
            }
            manifest.tables().values().forEach(e -> e.files().forEach(f -> kept.add(f.path())));
            CommitFaults.step("manifest temp");
            manifestTmp = ExportManifestFile.writeTemp(manifestPath, manifest);
            moves.add(new Staging.Move(manifestTmp, manifestPath));
            staging.commit(moves, deletes(old, kept, out));
            return result(decision, written, manifest);
        } catch (SQLException e) {
            throw failed(e, MaterializeException.Code.SQL);
        } catch (IOException e) {
            throw failed(e, MaterializeException.Code.IO);
        } finally {
            if (staging != null && !Staging.pending(out)) {
                staging.abandon();
            }
            AtomicFiles.deleteQuietly(manifestTmp);
            if (created && !Files.exists(manifestPath)) {
                deleteEmptyDirectory(out.resolve(Staging.OWN_DIR));
                deleteEmptyDirectory(out);
            }
        }
    }

    /**
     * Removes {@code dir} when it is empty (a failed first run created it); never touches siblings,
     * unlike {@link AtomicFiles#deleteQuietly}, which also removes SQLite side files.
     */
    private static void deleteEmptyDirectory(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmptyOrGone) {
            // a directory with content stays: it holds someone's files
        }
    }

    private ParquetTable.Written exportTable(SnapshotTables source, TableLayout layout, Staging staging,
            Exporter.Decision decision) throws SQLException, IOException {
        String name = layout.def().name();
        String schema = layout.appendOnly() ? SnapshotTables.DELTA : SnapshotTables.SNAP;
        ExportManifest.TableEntry before = decision.previous() == null ? null : decision.previous().tables().get(name);
        ParquetTable table = new ParquetTable(layout, staging, run.state().ledgerTime(),
                before == null ? null : run.options().out(), before == null ? 0 : before.rows());
        long[] n = {0};
        source.copy(schema, layout.def(), layout.read(), run.plan().filters().get(name), row -> {
            try {
                table.add(row);
            } catch (ParquetTable.KnownKey e) {
                throw new SQLException(e.getMessage(), duplicate(source, layout, e));
            } catch (IOException e) {
                throw new SQLException("spilling rows of " + name + " failed: " + e.getMessage(), e);
            }
            if (++n[0] % run.options().batchSize() == 0) {
                run.options().observer().batch(name, n[0]);
            }
        });
        try {
            ParquetTable.Written result = table.finish();
            run.options().observer().tableDone(name, n[0]);
            return result;
        } catch (ParquetTable.DuplicateKey e) {
            throw duplicate(layout, e);
        }
    }

    /**
     * Returns the file list of a table after this run: the previous files plus new ones, or only the
     * new ones. A previous empty file (written so that an empty table has its columns) goes once
     * the run adds rows: a partitioned table's sits beside the partition directories, where Spark
     * refuses to mix a file with {@code date=} directories.
     */
    private static List<ExportManifest.FileEntry> files(Exporter.Decision decision, TableLayout layout,
            List<StagedFile> staged) {
        Map<String, ExportManifest.FileEntry> out = new LinkedHashMap<>();
        ExportManifest.TableEntry before = decision.previous() == null ? null
                : decision.previous().tables().get(layout.def().name());
        boolean adds = staged.stream().anyMatch(f -> f.rows() > 0);
        if (layout.appendOnly() && before != null && before.files() != null) {
            before.files().stream().filter(f -> !adds || f.rows() > 0).forEach(f -> out.put(f.path(), f));
        }
        staged.forEach(f -> out.put(f.path(), new ExportManifest.FileEntry(f.path(), f.rows(), f.bytes(), f.digest())));
        return out.values().stream().sorted(Comparator.comparing(ExportManifest.FileEntry::path)).toList();
    }

    private ExportManifest.TableEntry entry(TableSelection t, List<ExportManifest.FileEntry> files) {
        long rows = files.stream().mapToLong(ExportManifest.FileEntry::rows).sum();
        return new ExportManifest.TableEntry(t.columns(), run.plan().filterJson(t.def().name()), rows, digest(files),
                files);
    }

    /** Returns the digest of a file list: BLAKE3 of the lines {@code <path> <rows> <digest>\n} in path order. */
    static String digest(List<ExportManifest.FileEntry> files) {
        String lines = files.stream().sorted(Comparator.comparing(ExportManifest.FileEntry::path))
                .map(f -> f.path() + " " + f.rows() + " " + f.digest() + "\n").collect(Collectors.joining());
        return Blake3.prefixed(lines.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the files of the previous manifest that the new one no longer lists. */
    private static List<Path> deletes(ExportManifest old, Set<String> kept, Path out) {
        List<Path> gone = new ArrayList<>();
        if (old != null) {
            old.tables().values().stream().filter(e -> e.files() != null).flatMap(e -> e.files().stream())
                    .map(ExportManifest.FileEntry::path).filter(p -> !kept.contains(p))
                    .forEach(p -> gone.add(out.resolve(p)));
        }
        return gone;
    }

    /** Names both commits of a ULID that a new event repeats from an earlier run. */
    private static MaterializeException duplicate(SnapshotTables source, TableLayout layout, ParquetTable.KnownKey e) {
        int at = layout.read().indexOf("commit_id");
        String other = "an exported commit";
        try (var ps = source.connection().prepareStatement("SELECT \"commit_id\" FROM \"snap\".\"events\""
                + " WHERE \"id\" = ? AND \"commit_id\" <> ?")) {
            ps.setString(1, e.key());
            ps.setString(2, String.valueOf(e.row()[at]));
            try (var rs = ps.executeQuery()) {
                other = rs.next() ? rs.getString(1) : other;
            }
        } catch (SQLException ignored) {
            // the message names what it knows
        }
        return ulid(e.key(), other, String.valueOf(e.row()[at]));
    }

    private static MaterializeException ulid(String ulid, String first, String second) {
        return new MaterializeException(MaterializeException.Code.DUPLICATE_ULID, "two events carry ULID "
                + ulid + ": commits " + first + " and " + second + "; an export refuses to drop either (the"
                + " findings table reports it as DUPLICATE_ULID); fix the ledger, or leave events out with --tables");
    }

    private MaterializeException duplicate(TableLayout layout, ParquetTable.DuplicateKey e) {
        if (!layout.def().name().equals("events") || !layout.read().contains("commit_id")) {
            return new MaterializeException(MaterializeException.Code.CONSTRAINT, layout.def().name() + ": "
                    + e.getMessage() + "; the findings table names the cause");
        }
        int at = layout.read().indexOf("commit_id");
        return ulid(e.key(), String.valueOf(e.first()[at]), String.valueOf(e.second()[at]));
    }

    private MaterializeException failed(Exception e, MaterializeException.Code code) {
        if (e.getCause() instanceof MaterializeException m) {
            return m;
        }
        return new MaterializeException(code, "writing " + run.options().out() + " failed: " + e.getMessage()
                + "; the previous export is unchanged", e);
    }

    private ExportResult result(Exporter.Decision decision, Map<String, Long> written, ExportManifest manifest) {
        Map<String, Long> rows = new HashMap<>();
        manifest.tables().forEach((t, e) -> rows.put(t, e.rows()));
        return new ExportResult(run.options().out(), decision.mode(), written, rows, bytes(manifest),
                run.repository().stats().commits(), run.millis(), decision.note());
    }

    /** Returns the bytes of every file a Parquet manifest lists. */
    static long bytes(ExportManifest manifest) {
        return manifest.tables().values().stream().filter(e -> e.files() != null).flatMap(e -> e.files().stream())
                .mapToLong(ExportManifest.FileEntry::bytes).sum();
    }
}
