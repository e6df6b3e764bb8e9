package io.gatos.sql.jdbc;

import io.gatos.sql.calcite.dialect.ReadOnlyException;
import io.gatos.sql.calcite.exec.QueryStoppedException;
import io.gatos.sql.ledger.LedgerException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.time.DateTimeException;
import java.util.Locale;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns whatever a statement throws into a checked {@link SQLException} whose SQLState a program
 * can branch on, the same embedded and remote (the server sends these states to its clients).
 * The message is the most specific one in the cause chain, without Calcite's "Error while
 * executing SQL" wrapper. Stateless; costs one walk of the cause chain.
 */
public final class SqlStates {
    /** Syntax error. */
    public static final String SYNTAX = "42601";
    /** Unknown table or view. */
    public static final String UNKNOWN_TABLE = "42S02";
    /** Unknown column. */
    public static final String UNKNOWN_COLUMN = "42S22";
    /** Unknown function or no overload for these argument types. */
    public static final String UNKNOWN_FUNCTION = "42883";
    /** Any other statement the validator rejects. */
    public static final String INVALID_STATEMENT = "42000";
    /** A value that cannot be cast or parsed. */
    public static final String INVALID_CAST = "22018";
    /** Division by zero. */
    public static final String DIVISION_BY_ZERO = "22012";
    /** A number out of range. */
    public static final String OUT_OF_RANGE = "22003";
    /** A date or time value that cannot be parsed. */
    public static final String INVALID_DATETIME = "22007";
    /** Any other data error. */
    public static final String DATA = "22000";
    /** A statement that ran past its timeout. */
    public static final String TIMEOUT = "HYT00";
    /** A cancelled statement. */
    public static final String CANCELLED = "57014";
    /** A result over a row cap. */
    public static final String ROW_CAP = "54000";
    /** A statement that would write: the ledger is read-only. */
    public static final String READ_ONLY = "25006";
    /** The client cannot connect (bad URL, repository or server). */
    public static final String CANNOT_CONNECT = "08001";
    /** The connection is closed. */
    public static final String CONNECTION_CLOSED = "08003";
    /** The connection broke while in use. */
    public static final String CONNECTION_FAILURE = "08006";
    /** A JDBC feature the driver does not have. */
    public static final String NOT_SUPPORTED = "0A000";
    /** The ledger could not be read. */
    public static final String LEDGER_UNREADABLE = "58030";
    /** Anything else. */
    public static final String GENERAL = "HY000";

    private SqlStates() {
    }

    /**
     * Returns {@code failure} as an SQLException with a state; an SQLException that already has a
     * state other than {@code 00000} is returned as it is.
     */
    public static SQLException translate(Throwable failure) {
        if (failure instanceof AvaticaSqlException remote && hasState(remote)) {
            return create(serverMessage(remote.getErrorMessage()), remote.getSQLState(), null);
        }
        if (failure instanceof AvaticaClientRuntimeException remote && remote.getSqlState() != null
                && !remote.getSqlState().equals("00000")) {
            return create(serverMessage(remote.getMessage()), remote.getSqlState(), null);
        }
        if (failure instanceof SQLException sql && hasState(sql)) {
            return sql;
        }
        String state = classify(failure);
        return create(message(failure), state, failure);
    }

    /** Creates the JDBC subclass that matches {@code state}, as JDBC 4 prescribes for its class. */
    public static SQLException create(String message, String state, Throwable cause) {
        String family = state.substring(0, 2);
        return switch (family) {
            case "42" -> new SQLSyntaxErrorException(message, state, cause);
            case "22" -> new SQLDataException(message, state, cause);
            case "08" -> new SQLNonTransientConnectionException(message, state, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, cause);
            case "HY" -> state.equals(TIMEOUT) ? new SQLTimeoutException(message, state, cause)
                    : new SQLException(message, state, cause);
            case "25", "54" -> new SQLNonTransientException(message, state, cause);
            default -> new SQLException(message, state, cause);
        };
    }

    /** Returns the state for {@code failure}: the first cause in its chain that says what went wrong. */
    static String classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = stateOf(t);
            if (state != null) {
                return state;
            }
        }
        return GENERAL;
    }

    private static String stateOf(Throwable t) {
        if (t instanceof SQLException sql) {
            if (hasState(sql)) {
                return sql.getSQLState();
            }
            String m = String.valueOf(sql.getMessage());
            if (m.startsWith("Connection") && m.endsWith("closed")) {
                return CONNECTION_CLOSED;
            }
        }
        if (t instanceof QueryStoppedException stop) {
            return switch (stop.reason()) {
                case TIMED_OUT -> TIMEOUT;
                case CANCELLED -> CANCELLED;
            };
        }
        if (t instanceof ReadOnlyException) {
            return READ_ONLY;
        }
        if (t instanceof SqlParseException) {
            return SYNTAX;
        }
        if (t instanceof CalciteContextException) {
            return validation(String.valueOf(t.getMessage()));
        }
        if (t instanceof ArithmeticException) {
            return String.valueOf(t.getMessage()).contains("by zero") ? DIVISION_BY_ZERO : OUT_OF_RANGE;
        }
        if (t instanceof NumberFormatException) {
            return INVALID_CAST;
        }
        if (t instanceof DateTimeException) {
            return INVALID_DATETIME;
        }
        if (t instanceof LedgerException) {
            return LEDGER_UNREADABLE;
        }
        return null;
    }

    /** Classifies a validation message by what it says is missing. */
    static String validation(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("column '") && m.contains("not found")) {
            return UNKNOWN_COLUMN;
        }
        if ((m.contains("object '") || m.contains("table '")) && m.contains("not found")) {
            return UNKNOWN_TABLE;
        }
        if (m.contains("no match found for function")) {
            return UNKNOWN_FUNCTION;
        }
        if (m.contains("cannot be converted") || m.contains("illegal") && m.contains("literal")) {
            return INVALID_CAST;
        }
        return INVALID_STATEMENT;
    }

    /**
     * Returns the message a user should read: the deepest message of the chain that is not
     * Calcite's "Error while executing SQL" wrapper, or the exception's type when none has text.
     */
    static String message(Throwable failure) {
        String best = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof ReadOnlyException || t instanceof QueryStoppedException) {
                return m;
            }
            if (m != null && !m.isBlank() && !m.startsWith("Error while executing SQL")
                    && !m.startsWith("Error while preparing statement") && !(t instanceof ExceptionInInitializerError)) {
                best = t instanceof NumberFormatException ? "cannot cast to a number: " + m : m;
                if (t instanceof CalciteContextException || t instanceof SqlParseException) {
                    return best;
                }
            }
        }
        if (best != null) {
            return best;
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** Returns the server's own message inside the text Avatica's remote client wraps around it. */
    static String serverMessage(String clientMessage) {
        String marker = "Remote driver error: ";
        int at = clientMessage == null ? -1 : clientMessage.indexOf(marker);
        return at < 0 ? clientMessage : clientMessage.substring(at + marker.length());
    }

    private static boolean hasState(SQLException e) {
        String state = e.getSQLState();
        return state != null && !state.isBlank() && !state.equals("00000");
    }
}
