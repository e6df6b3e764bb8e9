package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Wraps a result set in the driver's time model ({@link TimeModel}): {@code getDate} and
 * {@code getTime} read the calendar day and the wall clock in the JVM's zone, {@code getObject}
 * of a DATE or TIME column does the same, and {@code getObject(column, type)} converts to the
 * JDBC 4.2 types ({@link TypedColumns}). It ends after the statement's {@code maxRows} rows, and
 * raises SQLExceptions with states. Close it as any result set; not thread-safe.
 */
final class GatosResultSet implements Proxies.Handler {
    private final ResultSet delegate;
    private final Statement statement;
    private final long cap;
    private long rows;
    private int[] types;

    private GatosResultSet(ResultSet delegate, Statement statement, long cap) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.statement = statement;
        this.cap = cap;
    }

    /**
     * Wraps {@code delegate}.
     *
     * @param statement what {@code getStatement()} answers; null for metadata results
     * @param cap the most rows to return, or 0 for all
     */
    static ResultSet wrap(ResultSet delegate, Statement statement, long cap) {
        return Proxies.wrap(ResultSet.class, delegate, new GatosResultSet(delegate, statement, cap));
    }

    @Override
    public Object handle(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "next" -> next();
            case "getStatement" -> statement;
            case "getDate" -> args.length == 1 ? delegate.getDate(column(args[0]), TimeModel.local()) : FORWARD;
            case "getTime" -> args.length == 1 ? delegate.getTime(column(args[0]), TimeModel.local()) : FORWARD;
            case "getObject" -> object(proxy, args);
            default -> FORWARD;
        };
    }

    private boolean next() throws SQLException {
        if (cap > 0 && rows >= cap) {
            return false;
        }
        boolean more = delegate.next();
        if (more) {
            rows++;
        }
        return more;
    }

    private Object object(Object proxy, Object[] args) throws SQLException {
        if (args.length == 2 && args[1] instanceof Class<?> type) {
            return TypedColumns.get((ResultSet) proxy, column(args[0]), type);
        }
        if (args.length != 1) {
            return FORWARD;
        }
        int column = column(args[0]);
        return switch (type(column)) {
            case Types.DATE -> delegate.getDate(column, TimeModel.local());
            case Types.TIME -> delegate.getTime(column, TimeModel.local());
            default -> delegate.getObject(column);
        };
    }

    private int column(Object labelOrIndex) throws SQLException {
        return labelOrIndex instanceof Integer i ? i : delegate.findColumn((String) labelOrIndex);
    }

    private int type(int column) throws SQLException {
        if (types == null) {
            var meta = delegate.getMetaData();
            types = new int[meta.getColumnCount() + 1];
            for (int i = 1; i < types.length; i++) {
                types[i] = meta.getColumnType(i);
            }
        }
        return column > 0 && column < types.length ? types[column] : Types.OTHER;
    }
}
