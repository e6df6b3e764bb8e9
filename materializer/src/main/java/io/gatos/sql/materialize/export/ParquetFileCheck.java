package io.gatos.sql.materialize.export;

import io.gatos.sql.materialize.manifest.ExportManifest;
import io.gatos.sql.materialize.parquet.FileDigest;
import io.gatos.sql.materialize.parquet.ParquetFooter;
import io.gatos.sql.materialize.parquet.Staging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a Parquet dataset against its manifest: no interrupted commit pending, every listed file
 * present with its size, BLAKE3 digest and footer row count, each table's digest of its file list,
 * that every table has a file and none annotates a column JSON, and no {@code .parquet} file in a
 * table directory that the manifest does not list (a reader globbing the directory would see its
 * rows). Reads every file once, and each footer twice.
 */
final class ParquetFileCheck {
    private ParquetFileCheck() {
    }

    static List<Verifier.Check> run(Path dataset, ExportManifest manifest) {
        List<Verifier.Check> out = new ArrayList<>();
        boolean pending = Staging.pending(dataset);
        out.add(new Verifier.Check("commit", !pending, pending ? "a run was interrupted while committing; run"
                + " gatos export again to finish it" : "no interrupted run"));
        List<String> diffs = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (var table : manifest.tables().entrySet()) {
            List<ExportManifest.FileEntry> files = table.getValue().files() == null ? List.of()
                    : table.getValue().files();
            for (ExportManifest.FileEntry file : files) {
                listed.add(file.path());
                String problem = problem(dataset.resolve(file.path()), file);
                if (problem != null) {
                    diffs.add(file.path() + ": " + problem);
                }
            }
            if (!ParquetExportWriter.digest(files).equals(table.getValue().digest())) {
                diffs.add(table.getKey() + ": the file list does not match the table digest");
            }
        }
        out.add(new Verifier.Check("files", diffs.isEmpty(), diffs.isEmpty() ? listed.size()
                + " files match their sizes, digests and row counts" : "the dataset was altered: "
                        + String.join("; ", diffs.subList(0, Math.min(5, diffs.size())))));
        out.add(portable(dataset, manifest));
        List<String> extra = unlisted(dataset, manifest, listed);
        out.add(new Verifier.Check("unlisted", extra.isEmpty(), extra.isEmpty() ? "no unlisted files"
                : extra.size() + " Parquet file(s) not in the manifest, which readers would count: "
                        + String.join(", ", extra.subList(0, Math.min(5, extra.size())))));
        return out;
    }

    /**
     * Checks what readers other than ours need: every table has a file (else Spark finds no path and
     * DuckDB no columns), and no file has a column annotated JSON (polars reads those as Binary).
     */
    private static Verifier.Check portable(Path dataset, ExportManifest manifest) {
        List<String> problems = new ArrayList<>();
        for (var table : manifest.tables().entrySet()) {
            List<ExportManifest.FileEntry> files = table.getValue().files() == null ? List.of()
                    : table.getValue().files();
            if (files.isEmpty()) {
                problems.add(table.getKey() + " has no file, so readers find no directory or columns");
            }
            for (ExportManifest.FileEntry file : files) {
                try {
                    List<String> json = ParquetFooter.jsonAnnotated(dataset.resolve(file.path()));
                    if (!json.isEmpty()) {
                        problems.add(file.path() + " annotates " + json + " as JSON, which polars reads as Binary");
                        break;
                    }
                } catch (IOException e) {
                    break; // the files check names it
                }
            }
        }
        return new Verifier.Check("portable", problems.isEmpty(), problems.isEmpty()
                ? "every table has a file; text and JSON columns are annotated STRING"
                : String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                        + "; run gatos export --full to rewrite the dataset");
    }

    private static String problem(Path path, ExportManifest.FileEntry file) {
        try {
            if (!Files.exists(path)) {
                return "missing";
            }
            if (Files.size(path) != file.bytes()) {
                return Files.size(path) + " bytes, manifest " + file.bytes();
            }
            if (!FileDigest.of(path).equals(file.digest())) {
                return "digest differs";
            }
            long rows = ParquetFooter.rows(path);
            return rows == file.rows() ? null : rows + " rows, manifest " + file.rows();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static List<String> unlisted(Path dataset, ExportManifest manifest, Set<String> listed) {
        List<String> out = new ArrayList<>();
        for (String table : manifest.tables().keySet()) {
            Path dir = dataset.resolve(table);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                        .map(p -> dataset.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                        .filter(p -> !listed.contains(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                out.add(table + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return out;
    }
}
