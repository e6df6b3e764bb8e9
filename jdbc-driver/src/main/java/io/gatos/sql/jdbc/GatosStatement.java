package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps a statement of a {@link GatosConnection}: parameters bind in the driver's time model
 * ({@link TimeModel}: {@code setTimestamp} and the java.time types as instants, {@code setDate} as
 * a calendar day), {@code setMaxRows} caps every result (prepared ones too), a remote statement
 * is cancelled and timed out through its {@link StatementControl}, and result sets are wrapped
 * by {@link GatosResultSet}. Close it as any statement; not thread-safe, except {@code cancel}.
 */
final class GatosStatement implements Proxies.Handler {
    private final Statement delegate;
    private final Connection connection;
    private final StatementControl control;
    private Statement self;
    private long maxRows;
    private int timeoutSeconds;

    private GatosStatement(Statement delegate, Connection connection, StatementControl control) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.connection = requireNonNull(connection, "connection");
        this.control = requireNonNull(control, "control");
    }

    /** Wraps {@code delegate}, whose {@code getConnection()} answers {@code connection}. */
    static <T extends Statement> T wrap(Class<T> type, T delegate, Connection connection, StatementControl control) {
        GatosStatement handler = new GatosStatement(delegate, connection, control);
        T proxy = Proxies.wrap(type, delegate, handler);
        handler.self = proxy;
        return proxy;
    }

    @Override
    public Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "getConnection" -> connection;
            case "setMaxRows", "setLargeMaxRows" -> {
                Proxies.forward(delegate, method, args);
                maxRows = ((Number) args[0]).longValue();
                yield null;
            }
            case "setQueryTimeout" -> {
                Proxies.forward(delegate, method, args);
                timeoutSeconds = (int) args[0];
                yield null;
            }
            case "cancel" -> {
                control.cancel(delegate);
                yield null;
            }
            case "executeQuery" -> result((ResultSet) run(method, args));
            case "execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch" -> run(method, args);
            case "getResultSet" -> result((ResultSet) Proxies.forward(delegate, method, args));
            case "setDate", "setTime", "setTimestamp", "setObject" -> bind(method, args);
            default -> FORWARD;
        };
    }

    /** Runs an execute method, keeping the query timeout on the client when the control asks for it. */
    private Object run(Method method, Object[] args) throws Throwable {
        if (timeoutSeconds <= 0 || control.embedded()) {
            return Proxies.forward(delegate, method, args);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Runnable disarm = control.schedule(delegate, timeoutSeconds, () -> timedOut.set(true));
        try {
            return Proxies.forward(delegate, method, args);
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw SqlStates.create("statement timeout of " + timeoutSeconds + " s exceeded (setQueryTimeout);"
                        + " narrow the query or raise the timeout", SqlStates.TIMEOUT, null);
            }
            throw e;
        } finally {
            disarm.run();
        }
    }

    /** Returns the JDBC type of parameter {@code index} when it is DATE, TIME or TIMESTAMP, else 0. */
    private static int timeType(PreparedStatement prepared, int index) throws SQLException {
        int type = prepared.getParameterMetaData().getParameterType(index);
        return type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP ? type : 0;
    }

    private ResultSet result(ResultSet rs) {
        return rs == null ? null : GatosResultSet.wrap(rs, self, maxRows);
    }

    /** Binds time parameters in the driver's time model; other values go to the statement as they are. */
    private Object bind(Method method, Object[] args) throws Throwable {
        if (!(delegate instanceof PreparedStatement prepared) || args.length < 2 || !(args[0] instanceof Integer)) {
            return FORWARD;
        }
        int index = (int) args[0];
        Object value = args[1];
        boolean plain = args.length == 2 || method.getName().equals("setObject");
        if (!plain || value == null) {
            return FORWARD;
        }
        if (value instanceof String text) {
            int type = timeType(prepared, index);
            if (type == 0) {
                return FORWARD;
            }
            value = TimeModel.parse(text, type);
        }
        Timestamp instant = TimeModel.instantOf(value);
        if (instant != null) {
            prepared.setTimestamp(index, instant, TimeModel.utc());
        } else if (value instanceof Timestamp ts) {
            prepared.setTimestamp(index, ts, TimeModel.utc());
        } else if (value instanceof Date date) {
            prepared.setDate(index, date, TimeModel.local());
        } else if (value instanceof Time time) {
            prepared.setTime(index, time, TimeModel.local());
        } else if (value instanceof LocalDate day) {
            prepared.setDate(index, Date.valueOf(day), TimeModel.local());
        } else if (value instanceof java.time.LocalTime || value instanceof java.time.OffsetTime) {
            prepared.setTime(index, TimeModel.timeOf(value), TimeModel.local());
        } else if (value instanceof java.util.Date date) {
            prepared.setTimestamp(index, new Timestamp(date.getTime()), TimeModel.utc());
        } else {
            return FORWARD;
        }
        return null;
    }
}
