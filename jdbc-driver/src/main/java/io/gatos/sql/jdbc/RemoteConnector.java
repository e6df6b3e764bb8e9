package io.gatos.sql.jdbc;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connects {@code jdbc:gatos:url=http://HOST:PORT} URLs to a {@code gatos serve} server through
 * Avatica's remote client, wrapped so that a program sees what it sees embedded: the same time
 * model (the wire carries UTC wall clocks, so the client reads them in UTC whatever its zone),
 * SQLStates, read-only transactions, row limits, and a cancel and query timeout that reach the
 * server. It talks JSON on the server's own path for it, whatever the server's serialization; {@code avatica_user} and
 * {@code avatica_password} turn on Basic authentication. Stateless.
 */
final class RemoteConnector {
    /** URL property naming the server. */
    static final String URL = "url";
    /**
     * The server's path for this driver, which speaks Avatica's JSON protocol: the jar relocates
     * Avatica, and Avatica's protobuf messages name their Java classes, so only JSON can work.
     */
    static final String JSON_PATH = "/gatos-jdbc/json";

    private RemoteConnector() {
    }

    /** Connects to the server {@code props} names; the caller closes the connection. */
    static Connection connect(Properties props) throws SQLException {
        String url = props.getProperty(URL);
        URI server;
        try {
            server = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SqlStates.create("not a server URL: '" + url + "'; use " + GatosDriver.PREFIX
                    + "url=http://HOST:PORT", SqlStates.CANNOT_CONNECT, e);
        }
        if (server.getScheme() == null || !server.getScheme().matches("https?") || server.getHost() == null) {
            throw SqlStates.create("not a server URL: '" + url + "'; use " + GatosDriver.PREFIX
                    + "url=http://HOST:PORT", SqlStates.CANNOT_CONNECT, null);
        }
        Properties remote = new Properties();
        remote.putAll(props);
        remote.setProperty(URL, server.toString().replaceAll("/+$", "") + JSON_PATH);
        remote.setProperty("serialization", "json");
        remote.setProperty("timeZone", "UTC");
        String user = props.getProperty("avatica_user");
        if (user != null) {
            remote.putIfAbsent("authentication", "BASIC");
        }
        Connection connection;
        try {
            connection = new org.apache.calcite.avatica.remote.Driver().connect("jdbc:avatica:remote:", remote);
        } catch (RuntimeException e) {
            throw SqlStates.create("cannot connect to " + url + ": " + SqlStates.translate(e).getMessage(),
                    SqlStates.CANNOT_CONNECT, e);
        }
        return GatosConnection.wrap(connection,
                new RemoteControl(server, user, props.getProperty("avatica_password")));
    }
}
