package io.gatos.sql.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * Wraps the metadata of a {@link GatosConnection}: an embedded connection answers
 * {@code getPrimaryKeys} from the catalog ({@link PrimaryKeys}), the connection is the wrapper,
 * the driver is read-only, and result sets are wrapped ({@link GatosResultSet}). A remote
 * connection asks the server, which answers from the same catalog. Not thread-safe beyond what
 * the wrapped metadata is.
 */
final class GatosMetaData {
    private GatosMetaData() {
    }

    /**
     * Wraps {@code delegate}.
     *
     * @param self the wrapper connection {@code getConnection()} answers
     * @param calcite the wrapped connection, which runs the catalog queries of an embedded one
     * @param embedded whether the connection runs statements in this JVM
     */
    static DatabaseMetaData wrap(DatabaseMetaData delegate, Connection self, Connection calcite, boolean embedded) {
        Proxies.Handler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getConnection" -> self;
            case "isReadOnly" -> true;
            case "getPrimaryKeys" -> embedded
                    ? GatosResultSet.wrap(PrimaryKeys.query(calcite, (String) args[1], (String) args[2]), null, 0)
                    : result(delegate, method, args);
            default -> ResultSet.class.equals(method.getReturnType()) ? result(delegate, method, args)
                    : Proxies.Handler.FORWARD;
        };
        return Proxies.wrap(DatabaseMetaData.class, delegate, handler);
    }

    private static ResultSet result(DatabaseMetaData delegate, Method method, Object[] args) throws Throwable {
        ResultSet rs = (ResultSet) Proxies.forward(delegate, method, args);
        return rs == null ? null : GatosResultSet.wrap(rs, null, 0);
    }
}
