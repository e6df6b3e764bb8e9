package io.gatos.sql.cli;

import java.sql.SQLException;

/** Classifies JDBC errors and shortens their messages for a terminal. */
final class SqlErrors {
    /** Calcite appends the parser's full list of expected tokens; it drowns the actual message. */
    private static final String EXPECTED_TOKENS = "\nWas expecting";

    private SqlErrors() {}

    /** Tells whether the driver reported a connection problem (SQLState class 08). */
    static boolean isConnectionError(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    /**
     * Returns the exception's message, without the parser's list of expected tokens unless {@code
     * verbose}; falls back to the exception's class when it has no message.
     */
    static String message(SQLException e, boolean verbose) {
        String message =
                e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        int cut = message.indexOf(EXPECTED_TOKENS);
        if (!verbose && cut > 0) {
            message = message.substring(0, cut) + " (--verbose lists the expected tokens)";
        }
        return message.strip();
    }
}
