package io.gatos.sql.materialize.parquet;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Describes a finished Parquet file waiting in the staging directory of a run.
 *
 * @param staged where it is now
 * @param path where it goes, relative to the dataset directory, with {@code /} separators
 * @param rows its row count
 * @param bytes its size
 * @param digest {@code blake3:<hex>} of its bytes
 */
public record StagedFile(Path staged, String path, long rows, long bytes, String digest) {
    /** Checks the parts. */
    public StagedFile {
        requireNonNull(staged, "staged");
        requireNonNull(path, "path");
        requireNonNull(digest, "digest");
    }
}
