package io.gatos.sql.cli;

/**
 * Signals a problem with the user's input (a missing repository, an existing output directory),
 * which the command reports without a stack trace and with exit code {@link ExitCodes#INPUT}.
 */
final class UserException extends Exception {
    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }

    UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
