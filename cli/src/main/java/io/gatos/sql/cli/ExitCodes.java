package io.gatos.sql.cli;

import io.gatos.sql.materialize.MaterializeException;

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

    private ExitCodes() {}

    /**
     * Returns the exit code of a materializer failure: {@link #LOCKED} when another run holds the
     * output, {@link #INPUT} for a bad option, {@link #INTERNAL} for everything else.
     */
    static int of(MaterializeException e) {
        return switch (e.code()) {
            case LOCKED -> LOCKED;
            case BAD_OPTION -> INPUT;
            default -> INTERNAL;
        };
    }
}
