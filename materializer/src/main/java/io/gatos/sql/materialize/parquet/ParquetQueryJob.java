package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.MaterializeException;
import io.gatos.sql.materialize.MaterializeException.Code;
import io.gatos.sql.materialize.files.FileSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Configures one {@code gatos materialize --query ... --format parquet}: the result of {@code sql}
 * replaces the Parquet file {@code out}, or with {@code partition} the dataset directory {@code out}.
 *
 * @param repo the ledger, mounted as schema gatos; null when the query reads files only
 * @param sources directories of files mounted as schemas ({@code --source NAME=DIR})
 * @param sql the query
 * @param out the file (no partitioning) or directory (partitioned) to replace
 * @param partition how to partition the result; null for one file
 * @param maxOpenFiles the most partition files open at once (each buffers up to a row group)
 */
public record ParquetQueryJob(Path repo, List<FileSource> sources, String sql, Path out, PartitionSpec partition,
        int maxOpenFiles) {
    /** The default bound on open partition files. */
    public static final int DEFAULT_MAX_OPEN_FILES = 8;

    /** Checks the parts. */
    public ParquetQueryJob {
        requireNonNull(out, "out");
        sources = List.copyOf(sources);
        if (sql == null || sql.isBlank()) {
            throw new MaterializeException(Code.BAD_OPTION, "--query is empty; give the SQL to run");
        }
        if (repo == null && sources.isEmpty()) {
            throw new MaterializeException(Code.BAD_OPTION, "--query needs --repo PATH or --source NAME=DIR (or both)");
        }
        if (maxOpenFiles < 1) {
            throw new MaterializeException(Code.BAD_OPTION, "--max-open-files must be at least 1");
        }
    }
}
