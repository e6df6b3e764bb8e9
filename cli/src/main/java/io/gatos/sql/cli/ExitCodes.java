package io.gatos.sql.cli;

import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.materialize.MaterializeException;

import java.sql.SQLException;
import java.util.Set;

/** Names the exit codes every {@code gatos} command returns, and their lines in {@code --help}. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;

    /** Something unexpected failed inside gatos: a bug, or an I/O failure. */
    static final int INTERNAL = 1;

    /** Bad usage, bad input (repository, output path) or an SQL error; picocli also uses 2. */
    static final int INPUT = 2;

    /** Another run holds the lock of the output: this run was skipped, nothing was written. */
    static final int LOCKED = 3;

    /** {@code gatos verify} found that the export does not match its manifest or the ledger. */
    static final int MISMATCH = 4;

    static final String OK_HELP = OK + ":Success.";
    static final String INTERNAL_HELP =
            INTERNAL
                    + ":Internal error or I/O failure (a message on stderr; the stack trace only"
                    + " with --verbose).";
    static final String INPUT_HELP =
            INPUT
                    + ":Usage error, bad input (missing or non-GATOS repository, non-empty output"
                    + " path) or SQL error.";
    static final String LOCKED_HELP =
            LOCKED
                    + ":Skipped: another run is writing the same output (it holds <out>.lock);"
                    + " nothing was written.";
    static final String MISMATCH_HELP =
            MISMATCH + ":Mismatch: the export differs from its manifest or the ledger.";

    /**
     * SQLState classes of errors in the statement itself, whichever command ran it and whether the
     * planner or the executor found them: data exception (22, e.g. division by zero), syntax or
     * access rule (42), feature not supported (0A), read-only transaction (25).
     */
    private static final Set<String> STATEMENT_STATES = Set.of("22", "42", "0A", "25");

    private ExitCodes() {}

    /**
     * Returns the exit code of {@code failure} by its kind, wherever it was detected: {@link
     * #LOCKED} when another run holds the output; {@link #INPUT} for bad usage or input (a {@link
     * UserException}, a bad option, a missing or non-GATOS repository anywhere in the causes) and
     * for an error in the SQL statement (any {@link SQLException} a command raises directly, or one
     * of the {@link #STATEMENT_STATES} classes among the causes); {@link #INTERNAL} for everything
     * else, a {@code java.lang.Error} included.
     */
    static int of(Throwable failure) {
        if (failure instanceof UserException || failure instanceof SQLException) {
            return INPUT;
        }
        if (failure instanceof MaterializeException e && e.code() == MaterializeException.Code.LOCKED) {
            return LOCKED;
        }
        if (failure instanceof MaterializeException e && e.code() == MaterializeException.Code.BAD_OPTION) {
            return INPUT;
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof LedgerException e && e.code() != LedgerException.Code.IO) {
                return INPUT;
            }
            if (t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().length() >= 2
                    && STATEMENT_STATES.contains(e.getSQLState().substring(0, 2))) {
                return INPUT;
            }
        }
        return INTERNAL;
    }
}
