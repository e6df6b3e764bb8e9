package io.gatos.sql.materialize.query;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Configures one {@code gatos materialize --query}: the result of {@code sql} over the ledger at
 * {@code repo} replaces table {@code table} of the SQLite file {@code out}.
 */
public record QueryJob(Path repo, String sql, String table, Path out, int batchSize) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Checks the parts; a table name must be a plain identifier. */
    public QueryJob {
        requireNonNull(repo, "repo");
        requireNonNull(out, "out");
        if (sql == null || sql.isBlank()) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "--query is empty; give the SQL to run");
        }
        if (table == null || !NAME.matcher(table).matches() || table.startsWith("sqlite_")) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "--table '" + table
                    + "' is not a valid table name; use letters, digits and _ (not starting with sqlite_)");
        }
        if (batchSize < 1) {
            throw new MaterializeException(MaterializeException.Code.BAD_OPTION, "--batch-size must be at least 1");
        }
    }
}
