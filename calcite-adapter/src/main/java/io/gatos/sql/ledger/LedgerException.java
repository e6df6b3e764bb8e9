package io.gatos.sql.ledger;

import static java.util.Objects.requireNonNull;

/**
 * Signals a problem the user must fix (a path that is not a GATOS repository, a bad argument) or an
 * I/O failure; {@link #code()} says which, and the message names the input and the fix.
 */
public final class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Classifies a {@link LedgerException}. */
    public enum Code {
        /** The path does not exist. */
        NOT_FOUND,
        /** The path is not a Git repository. */
        NOT_A_REPOSITORY,
        /** The repository has no refs under refs/gatos/. */
        NOT_GATOS,
        /** An argument is malformed (for example a ULID). */
        BAD_ARGUMENT,
        /** Reading the repository failed. */
        IO
    }

    private final Code code;

    /** Creates an exception with a code and a message a user can act on. */
    public LedgerException(Code code, String message) {
        super(message);
        this.code = requireNonNull(code, "code");
    }

    /** Creates an exception with a code, a message and the underlying cause. */
    public LedgerException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    /** Returns what kind of problem this is. */
    public Code code() {
        return code;
    }
}
