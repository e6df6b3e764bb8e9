package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps an Avatica connection (embedded Calcite, or remote to {@code gatos serve}) into the
 * read-only connection JDBC programs and pools expect: auto-commit is on by default;
 * {@code setAutoCommit(false)}, {@code commit()} and {@code rollback()} succeed and do nothing;
 * {@code isReadOnly()} is true and {@code setReadOnly} is accepted; statements, result sets and
 * metadata follow the driver's time model and raise SQLExceptions with states. Every other call
 * goes to the wrapped connection; closing it is {@link ClosingHandler}'s job for embedded ones.
 * Not thread-safe beyond what the wrapped connection is.
 */
final class GatosConnection implements Proxies.Handler {
    private final Connection delegate;
    private final StatementControl control;
    private Connection self;
    private boolean autoCommit = true;
    private int isolation = Connection.TRANSACTION_NONE;

    private GatosConnection(Connection delegate, StatementControl control) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.control = requireNonNull(control, "control");
    }

    /** Wraps an embedded connection. */
    static Connection wrap(Connection delegate) {
        return wrap(delegate, StatementControl.EMBEDDED);
    }

    /** Wraps a connection whose statements {@code control} cancels and times out. */
    static Connection wrap(Connection delegate, StatementControl control) {
        GatosConnection handler = new GatosConnection(delegate, control);
        handler.self = Proxies.wrap(Connection.class, delegate, handler);
        return handler.self;
    }

    @Override
    public Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        return switch (name) {
            case "getAutoCommit" -> open(autoCommit);
            case "setAutoCommit" -> {
                open(null);
                autoCommit = (boolean) args[0];
                yield null;
            }
            case "commit", "rollback", "setReadOnly", "releaseSavepoint" -> open(null);
            case "isReadOnly" -> open(true);
            case "getTransactionIsolation" -> open(isolation);
            case "setTransactionIsolation" -> {
                open(null);
                isolation = (int) args[0];
                yield null;
            }
            case "setSavepoint" -> throw SqlStates.create("savepoints need transactions, and the ledger is"
                    + " read-only through gatos-sql: every statement reads one snapshot", SqlStates.NOT_SUPPORTED, null);
            case "createStatement", "prepareStatement", "prepareCall" -> statement(method, args);
            case "getMetaData" -> GatosMetaData.wrap(delegate.getMetaData(), self, delegate, control.embedded());
            default -> FORWARD;
        };
    }

    private Object statement(Method method, Object[] args) throws Throwable {
        Object statement = Proxies.forward(delegate, method, args);
        if (statement instanceof CallableStatement callable) {
            return GatosStatement.wrap(CallableStatement.class, callable, self, control);
        }
        if (statement instanceof PreparedStatement prepared) {
            return GatosStatement.wrap(PreparedStatement.class, prepared, self, control);
        }
        return GatosStatement.wrap(Statement.class, (Statement) statement, self, control);
    }

    private Object open(Object answer) throws SQLException {
        if (delegate.isClosed()) {
            throw SqlStates.create("the connection is closed", SqlStates.CONNECTION_CLOSED, null);
        }
        return answer;
    }
}
