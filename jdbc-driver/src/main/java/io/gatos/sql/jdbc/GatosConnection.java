package io.gatos.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * Wraps a Calcite connection so that its metadata answers {@code getPrimaryKeys} from the catalog;
 * every other call goes straight to Calcite (closing the repository is {@link ClosingHandler}'s
 * job). The wrappers keep their own identity for {@code equals}, {@code hashCode} and
 * {@code toString}, as pools expect.
 */
final class GatosConnection {
    private GatosConnection() {
    }

    static Connection wrap(Connection delegate) {
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "equals", "hashCode", "toString" -> identity(proxy, method, args, delegate);
            case "getMetaData" -> metaData(delegate.getMetaData(), self[0], delegate);
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : delegate.unwrap((Class<?>) args[0]);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || delegate.isWrapperFor((Class<?>) args[0]);
            default -> invoke(delegate, method, args);
        };
        self[0] = (Connection) Proxy.newProxyInstance(GatosConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        return self[0];
    }

    private static DatabaseMetaData metaData(DatabaseMetaData delegate, Connection proxy, Connection calcite) {
        InvocationHandler handler = (p, method, args) -> switch (method.getName()) {
            case "equals", "hashCode", "toString" -> identity(p, method, args, delegate);
            case "getPrimaryKeys", "getImportedKeys", "getExportedKeys", "getCrossReference", "getFunctions",
                    "getTables", "getColumns", "getSchemas" -> CatalogMetaData.answer(delegate, calcite, method, args);
            case "getConnection" -> proxy;
            default -> invoke(delegate, method, args);
        };
        return (DatabaseMetaData) Proxy.newProxyInstance(GatosConnection.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, handler);
    }

    private static Object identity(Object proxy, Method method, Object[] args, Object delegate) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "gatos:" + delegate;
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
