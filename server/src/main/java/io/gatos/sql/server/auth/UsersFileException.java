package io.gatos.sql.server.auth;

/**
 * Signals a users file that cannot be read or written, or a line of it that is wrong; the message
 * names the file (and the line) and says how to fix it.
 */
public final class UsersFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the file and the fix. */
    public UsersFileException(String message) {
        super(message);
    }

    /** Creates the exception with a message naming the file and the fix, and its cause. */
    public UsersFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
