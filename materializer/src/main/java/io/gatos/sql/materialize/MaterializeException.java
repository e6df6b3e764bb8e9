package io.gatos.sql.materialize;

import static java.util.Objects.requireNonNull;

/**
 * Reports why an export, a query materialization or a verification could not run, with a code a
 * script can branch on and a message that names the input and the fix.
 */
public final class MaterializeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Classifies a failure. */
    public enum Code {
        /** An option or configuration value is wrong; the message names it. */
        BAD_OPTION,
        /** Another run holds the lock of the same output. */
        LOCKED,
        /** The output exists but was not written by this exporter, or with other options. */
        INCOMPATIBLE_OUTPUT,
        /** Two events share a ULID; the message names both commits. */
        DUPLICATE_ULID,
        /** The exported rows break a declared constraint (foreign key, CHECK). */
        CONSTRAINT,
        /** The repository could not be read. */
        LEDGER,
        /** A file could not be read or written. */
        IO,
        /** The SQL engine or the SQLite file reported an error. */
        SQL
    }

    private final Code code;

    /** Creates an exception with {@code code} and a user-facing {@code message}. */
    public MaterializeException(Code code, String message) {
        super(message);
        this.code = requireNonNull(code, "code");
    }

    /** Creates an exception with {@code code}, a user-facing {@code message} and its {@code cause}. */
    public MaterializeException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    /** Returns the failure class. */
    public Code code() {
        return code;
    }
}
