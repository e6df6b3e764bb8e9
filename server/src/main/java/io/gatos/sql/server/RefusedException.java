package io.gatos.sql.server;

import io.gatos.sql.jdbc.SqlStates;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * Carries a refusal or a failed statement to a remote client: Avatica sends its message and SQL
 * state to the client, which raises them as an {@code AvaticaSqlException}. It has no stack trace
 * and no cause, so nothing of the server's internals reaches the client (Avatica would send both).
 * Each factory names the limit or option involved and what the client can do.
 */
public final class RefusedException extends AvaticaRuntimeException {
    private static final long serialVersionUID = 1L;

    /** SQL state of a refused connection. */
    public static final String CONNECTION_REFUSED = "08004";
    /** SQL state of a statement that ran past its timeout. */
    public static final String TIMEOUT = SqlStates.TIMEOUT;
    /** SQL state of a cancelled statement. */
    public static final String CANCELLED = SqlStates.CANCELLED;
    /** SQL state of a result over the row cap. */
    public static final String PROGRAM_LIMIT = SqlStates.ROW_CAP;
    /** SQL state of too many open statements. */
    public static final String TOO_MANY_HANDLES = "HY014";
    /** SQL state of a server that is shutting down. */
    public static final String SHUTTING_DOWN = "57P01";

    private RefusedException(String message, String sqlState) {
        this(message, -1, sqlState, AvaticaSeverity.ERROR);
    }

    private RefusedException(String message, int errorCode, String sqlState, AvaticaSeverity severity) {
        super(message, errorCode, sqlState, severity);
    }

    /**
     * Returns Avatica's own {@code failure} without its stack and cause: the same message, error
     * code (which the client reads, e.g. to reopen a connection the server forgot), state and severity.
     */
    static RefusedException copyOf(AvaticaRuntimeException failure) {
        return failure instanceof RefusedException refused ? refused : new RefusedException(
                String.valueOf(failure.getErrorMessage()), failure.getErrorCode(), failure.getSqlState(),
                failure.getSeverity());
    }

    /** Reports a connection the server does not know, with the code Avatica's client reopens it on. */
    static RefusedException missingConnection(String detail) {
        return new RefusedException(detail, Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE, "08003",
                AvaticaSeverity.ERROR);
    }

    /** Records no stack: the client gets the message and the state only. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * Returns {@code failure} as the client should see it: its most specific message and the
     * SQLState the embedded driver would raise ({@link SqlStates}).
     */
    static RefusedException of(Throwable failure) {
        if (failure instanceof RefusedException refused) {
            return refused;
        }
        java.sql.SQLException sql = SqlStates.translate(failure);
        return new RefusedException(sql.getMessage(), sql.getSQLState());
    }

    /** Returns the message the client sees (Avatica keeps it apart from {@link Throwable#getMessage()}). */
    @Override
    public String getMessage() {
        return getErrorMessage();
    }

    /** Refuses a client connection property the server does not allow. */
    static RefusedException property(String key) {
        return new RefusedException("connection property '" + key + "' is not allowed by this server: a client may"
                + " set only " + ClientProperties.allowedList() + "; the repository and the schema are chosen when"
                + " gatos serve starts", CONNECTION_REFUSED);
    }

    /** Refuses a connection over {@code max}. */
    static RefusedException tooManyConnections(int max) {
        return new RefusedException("the server has " + max + " open connections, its limit (gatos serve"
                + " --max-connections); close idle connections or try again later", CONNECTION_REFUSED);
    }

    /** Refuses a statement over {@code max}. */
    static RefusedException tooManyStatements(int max) {
        return new RefusedException("the server has " + max + " open statements, its limit (gatos serve"
                + " --max-statements); close the statements and result sets you no longer need", TOO_MANY_HANDLES);
    }

    /** Refuses a result with more than {@code max} rows. */
    static RefusedException tooManyRows(long max) {
        return new RefusedException("the result has more than " + max + " rows, the server's cap (gatos serve"
                + " --max-rows); add a LIMIT or a narrower WHERE", PROGRAM_LIMIT);
    }

    /** Reports a statement stopped by its timeout; {@code detail} is the scan's message. */
    static RefusedException timedOut(String detail) {
        return new RefusedException(detail + " (gatos serve --statement-timeout)", TIMEOUT);
    }

    /** Reports a statement cancelled, for example because the server is stopping. */
    static RefusedException cancelled(String detail, boolean stopping) {
        return new RefusedException(stopping ? detail + ": the server is shutting down; run the query again"
                + " once it is back" : detail, CANCELLED);
    }

    /** Refuses new work while the server stops. */
    static RefusedException shuttingDown() {
        return new RefusedException("the server is shutting down and accepts no new statements; reconnect once"
                + " it is back", SHUTTING_DOWN);
    }
}
