package io.gatos.sql.materialize.export;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.manifest.ExportManifestFile;
import io.gatos.sql.materialize.sqlite.SqliteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides whether an existing output can be continued by a run: it must have been written by this
 * exporter, with the same tables, columns and filters, and agree with its manifest. Never modifies
 * anything.
 */
final class Compatibility {
    private Compatibility() {
    }

    /**
     * Returns the manifest of the existing export at {@code options.out()} that this run continues, or
     * null when there is no export yet, {@code --full} asks for a rebuild, or it was written by another
     * extractor version (which calls for a rebuild). A file this exporter did not write is refused
     * in every case, {@code --full} included.
     */
    static ExportManifest previous(ExportOptions options, ExportPlan plan) {
        Path out = options.out();
        Path manifestPath = ExportManifestFile.pathOf(out);
        if (!Files.exists(out) || options.format() == Format.PARQUET && emptyDirectory(out)) {
            return null;
        }
        ExportManifest manifest = ExportManifestFile.read(manifestPath);
        if (manifest == null) {
            throw incompatible(out + " exists but has no manifest " + manifestPath.getFileName()
                    + ", so it was not written by gatos export; choose another --out or remove the file");
        }
        if (!options.format().id().equals(manifest.format())) {
            throw incompatible(out + " is a " + manifest.format() + " export, not " + options.format().id()
                    + "; choose another --out");
        }
        if (options.full()) {
            return null;
        }
        if (!Exporter.EXTRACTOR_VERSION.equals(manifest.extractorVersion())) {
            options.observer().note("rebuilding the whole export: it was written by " + manifest.extractorVersion()
                    + ", whose files differ from " + Exporter.EXTRACTOR_VERSION + "'s (README, \"Upgrading\")");
            return null;
        }
        Map<String, String> had = new TreeMap<>();
        manifest.tables().forEach((t, e) -> had.put(t, e.columns() + " " + filterText(e.filter())));
        Map<String, String> now = new TreeMap<>();
        plan.tables().forEach(t -> now.put(t.def().name(), t.columns() + " "
                + filterText(plan.filterJson(t.def().name()))));
        if (!had.equals(now)) {
            throw incompatible(out + " was exported with other tables, columns or filters (" + had.keySet()
                    + "); run with --full to rebuild it with the new options, or choose another --out");
        }
        if (options.format() == Format.PARQUET) {
            checkFiles(out, manifest);
            String damaged = damagedKeyIndex(out, manifest);
            if (damaged != null) {
                options.observer().note("rebuilding the whole export: its key index " + damaged
                        + " is missing or damaged");
                return null;
            }
        } else {
            checkFile(out, manifest);
        }
        return manifest;
    }

    /** Returns the key index of an append-only table that does not hold one entry per row, or null. */
    private static String damagedKeyIndex(Path out, ExportManifest manifest) {
        for (var table : manifest.tables().entrySet()) {
            if (!Catalog.get().table(table.getKey()).map(t -> t.profile().appendOnly()).orElse(false)) {
                continue;
            }
            Path index = out.resolve(io.gatos.sql.materialize.parquet.ParquetTable.keyIndexPath(table.getKey()));
            try {
                if (Files.size(index) != table.getValue().rows() * 16) {
                    return index.toString();
                }
            } catch (java.io.IOException e) {
                return index.toString();
            }
        }
        return null;
    }

    private static boolean emptyDirectory(Path out) {
        try (var entries = Files.list(out)) {
            return Files.isDirectory(out) && entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Checks that every file the manifest lists is there with its size (a cheap check; verify digests them). */
    private static void checkFiles(Path out, ExportManifest manifest) {
        for (ExportManifest.TableEntry entry : manifest.tables().values()) {
            for (ExportManifest.FileEntry file : entry.files() == null ? List.<ExportManifest.FileEntry>of()
                    : entry.files()) {
                Path path = out.resolve(file.path());
                try {
                    if (Files.size(path) != file.bytes()) {
                        throw incompatible(path + " is not the file the manifest lists (size differs); run with"
                                + " --full to rebuild the export");
                    }
                } catch (java.io.IOException e) {
                    throw incompatible(path + " is listed in the manifest but missing; run with --full to rebuild"
                            + " the export");
                }
            }
        }
    }

    private static String filterText(com.fasterxml.jackson.databind.JsonNode filter) {
        return filter == null ? "" : filter.toString();
    }

    private static void checkFile(Path out, ExportManifest manifest) {
        try (Connection c = SqliteFile.openReadOnly(out)) {
            List<String> last = SqliteFile.query(c, "SELECT explorer_root FROM export_info ORDER BY run DESC", 1);
            if (last.isEmpty() || !Objects.equals(last.get(0), manifest.explorerRoot())) {
                throw incompatible(out + " and its manifest describe different runs (was a run interrupted, or"
                        + " the file replaced?); run with --full to rebuild it");
            }
        } catch (SQLException e) {
            throw incompatible(out + " cannot be read as an export: " + e.getMessage()
                    + "; run with --full to rebuild it, or choose another --out");
        }
    }

    private static MaterializeException incompatible(String message) {
        return new MaterializeException(MaterializeException.Code.INCOMPATIBLE_OUTPUT, message);
    }
}
