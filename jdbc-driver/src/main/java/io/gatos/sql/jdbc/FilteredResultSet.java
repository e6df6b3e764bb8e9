package io.gatos.sql.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Shows only the rows of a forward-only result set that a test accepts: {@code next()} skips the
 * others; every other call reads the underlying result set, so the row in view is always one that
 * was accepted. Closing it closes the underlying result set.
 */
final class FilteredResultSet {
    /** Accepts or skips the row a result set is on. */
    @FunctionalInterface
    interface RowTest {
        boolean accepts(ResultSet row) throws SQLException;
    }

    private FilteredResultSet() {
    }

    /** Returns a view of {@code rows} that skips the rows {@code test} rejects. */
    static ResultSet of(ResultSet rows, RowTest test) {
        requireNonNull(rows, "rows");
        requireNonNull(test, "test");
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "next" -> next(rows, test);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "filtered:" + rows;
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : rows.unwrap((Class<?>) args[0]);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || rows.isWrapperFor((Class<?>) args[0]);
            default -> invoke(rows, method, args);
        };
        return (ResultSet) Proxy.newProxyInstance(FilteredResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, handler);
    }

    private static boolean next(ResultSet rows, RowTest test) throws SQLException {
        while (rows.next()) {
            if (test.accepts(rows)) {
                return true;
            }
        }
        return false;
    }

    private static Object invoke(ResultSet target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
