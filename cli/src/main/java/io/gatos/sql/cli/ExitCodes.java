package io.gatos.sql.cli;

/** Names the exit codes every {@code gatos} command returns, and their lines in {@code --help}. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;

    /** Something unexpected failed inside gatos: a bug, or an I/O failure. */
    static final int INTERNAL = 1;

    /** Bad usage, bad input (repository, output path) or an SQL error; picocli also uses 2. */
    static final int INPUT = 2;

    static final String OK_HELP = OK + ":Success.";
    static final String INTERNAL_HELP =
            INTERNAL
                    + ":Internal error or I/O failure (a message on stderr; the stack trace only"
                    + " with --verbose).";
    static final String INPUT_HELP =
            INPUT
                    + ":Usage error, bad input (missing or non-GATOS repository, non-empty output"
                    + " path) or SQL error.";

    private ExitCodes() {}
}
