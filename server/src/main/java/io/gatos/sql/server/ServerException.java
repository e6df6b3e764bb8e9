package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

/**
 * Signals that {@code gatos serve} cannot start; {@link #code()} says what to fix and the message
 * names the input (repository, users file, keystore, address).
 */
public final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Classifies a {@link ServerException}. */
    public enum Code {
        /** The repository cannot be opened. */
        REPOSITORY,
        /** The users file is missing or malformed. */
        USERS,
        /** The TLS keystore cannot be read. */
        TLS,
        /** The address is in use or cannot be bound. */
        ADDRESS,
        /** Anything else went wrong while starting. */
        START
    }

    private final Code code;

    /** Creates the exception with a message a user can act on and its cause (nullable). */
    public ServerException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    /** Returns what kind of problem this is. */
    public Code code() {
        return code;
    }
}
