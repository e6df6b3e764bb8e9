package io.gatos.sql.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * Wraps the metadata of a {@link GatosConnection}: an embedded connection answers keys, functions
 * and name patterns itself ({@link CatalogMetaData}); a remote one answers keys from the catalog the
 * driver ships and identifier case as embedded, and asks the server the rest. The connection is the
 * wrapper, the driver is read-only, and result sets are wrapped ({@link GatosResultSet}). Not thread-safe beyond what
 * the wrapped metadata is.
 */
final class GatosMetaData {
    /**
     * How identifiers are stored, as the embedded driver answers (names match in any letter case
     * and keep the case they were written in); Avatica's remote client would answer its own
     * defaults, which the server cannot change.
     */
    private static final java.util.Map<String, Boolean> REMOTE_CASE = java.util.Map.of(
            "storesMixedCaseIdentifiers", true, "storesMixedCaseQuotedIdentifiers", true,
            "storesUpperCaseIdentifiers", false, "storesUpperCaseQuotedIdentifiers", false,
            "storesLowerCaseIdentifiers", false, "storesLowerCaseQuotedIdentifiers", false,
            "supportsMixedCaseIdentifiers", false, "supportsMixedCaseQuotedIdentifiers", false);

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
        Proxies.Handler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (embedded && CatalogMetaData.ANSWERED.contains(name)) {
                return GatosResultSet.wrap((ResultSet) CatalogMetaData.answer(delegate, calcite, method, args), null, 0);
            }
            if (!embedded && CatalogMetaData.KEYS.contains(name)) {
                return GatosResultSet.wrap(CatalogMetaData.keys(calcite, name, args, false), null, 0);
            }
            if (!embedded && REMOTE_CASE.containsKey(name)) {
                return REMOTE_CASE.get(name);
            }
            if (!embedded && (name.equals("getDatabaseProductName") || name.equals("getDatabaseProductVersion"))) {
                return serverProperty(delegate, name);
            }
            return switch (name) {
                case "getConnection" -> self;
                case "isReadOnly" -> true;
                default -> ResultSet.class.equals(method.getReturnType()) ? result(delegate, method, args)
                        : Proxies.Handler.FORWARD;
            };
        };
        return Proxies.wrap(DatabaseMetaData.class, delegate, handler);
    }

    /** Returns what the server says of itself (Avatica's client keeps it apart, under the property's name). */
    private static Object serverProperty(DatabaseMetaData delegate, String name) throws Throwable {
        java.util.Properties server = delegate.unwrap(java.util.Properties.class);
        String key = name.equals("getDatabaseProductName") ? "GET_DATABASE_PRODUCT_NAME" : "GET_DATABASE_PRODUCT_VERSION";
        String value = server == null ? null : server.getProperty(key);
        return value != null ? value : DatabaseMetaData.class.getMethod(name).invoke(delegate);
    }

    private static ResultSet result(DatabaseMetaData delegate, Method method, Object[] args) throws Throwable {
        ResultSet rs = (ResultSet) Proxies.forward(delegate, method, args);
        return rs == null ? null : GatosResultSet.wrap(rs, null, 0);
    }
}
