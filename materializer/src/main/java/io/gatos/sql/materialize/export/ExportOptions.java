package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.materialize.ExportObserver;
import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Configures one export run of {@code gatos export}.
 *
 * @param repo the GATOS repository to read
 * @param out the SQLite file to write (its manifest goes to {@code <out>.manifest.json})
 * @param tables the catalog tables to export; null or empty means all
 * @param since a commit: export only commits not reachable from it (nullable)
 * @param until a commit: export refs whose history holds it, as of it (nullable)
 * @param columns per table, the columns to export (primary key columns are always added)
 * @param where per table, a JSON object of column to value (or array of values) rows must match
 * @param batchSize rows per committed batch
 * @param full rebuild from scratch instead of continuing from the manifest's frontier
 * @param observer hears progress (never null)
 * @param format the output format (null: SQLite); a Parquet export's {@code out} is a directory
 */
public record ExportOptions(Path repo, Path out, List<String> tables, String since, String until,
        Map<String, List<String>> columns, Map<String, JsonNode> where, int batchSize, boolean full,
        ExportObserver observer, Format format) {
    /** Default rows per batch. */
    public static final int DEFAULT_BATCH = 5_000;

    /** Checks the required parts and copies the collections. */
    public ExportOptions {
        requireNonNull(repo, "repo");
        requireNonNull(out, "out");
        tables = tables == null ? List.of() : List.copyOf(tables);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        where = where == null ? Map.of() : Map.copyOf(where);
        observer = observer == null ? ExportObserver.NONE : observer;
        format = format == null ? Format.SQLITE : format;
        if (batchSize < 1) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "--batch-size must be at least 1, not "
                    + batchSize);
        }
    }

    /** Configures an SQLite export. */
    public ExportOptions(Path repo, Path out, List<String> tables, String since, String until,
            Map<String, List<String>> columns, Map<String, JsonNode> where, int batchSize, boolean full,
            ExportObserver observer) {
        this(repo, out, tables, since, until, columns, where, batchSize, full, observer, Format.SQLITE);
    }

    /** Returns options exporting every table of {@code repo} to {@code out} with defaults. */
    public static ExportOptions of(Path repo, Path out) {
        return new ExportOptions(repo, out, null, null, null, null, null, DEFAULT_BATCH, false, null);
    }

    /** Returns a copy observed by {@code observer}. */
    public ExportOptions withObserver(ExportObserver observer) {
        return new ExportOptions(repo, out, tables, since, until, columns, where, batchSize, full, observer, format);
    }

    /** Returns a copy writing {@code format}. */
    public ExportOptions withFormat(Format format) {
        return new ExportOptions(repo, out, tables, since, until, columns, where, batchSize, full, observer, format);
    }
}
