package io.gatos.sql.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * Cancels and times out the statements of a remote connection to {@code gatos serve}: Avatica's
 * protocol cannot cancel, so a cancel is a {@code POST /cancel} naming the statement, sent on its
 * own HTTP connection with the connection's credentials; a query timeout is a cancel sent by a
 * timer. Thread-safe; the timer is one daemon thread shared by all remote connections.
 */
final class RemoteControl implements StatementControl {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gatos-jdbc-timeouts");
        t.setDaemon(true);
        return t;
    });
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);
    /** One HTTP client (and its selector thread) for every remote connection, made on the first cancel. */
    private static volatile HttpClient http;

    private final URI cancel;
    private final String authorization;

    /**
     * Creates the control for a server.
     *
     * @param server the server's base URL, as in the connection's {@code url} property
     * @param user the Basic user, or null without authentication
     * @param password the Basic password; ignored without a user
     */
    RemoteControl(URI server, String user, String password) {
        requireNonNull(server, "server");
        String base = server.toString().replaceAll("/+$", "");
        this.cancel = URI.create(base + "/cancel");
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(UTF_8));
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public void cancel(Statement statement) throws SQLException {
        Meta.StatementHandle handle = statement.unwrap(AvaticaStatement.class).handle;
        if (handle == null) {
            return;
        }
        URI uri = URI.create(cancel + "?connection=" + URLEncoder.encode(handle.connectionId, UTF_8)
                + "&statement=" + handle.id);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CANCEL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw SqlStates.create("the server refused to cancel (HTTP " + response.statusCode() + "): "
                        + response.body().strip(), SqlStates.CONNECTION_FAILURE, null);
            }
        } catch (IOException e) {
            throw SqlStates.create("cannot reach " + cancel + " to cancel the statement: " + e.getMessage(),
                    SqlStates.CONNECTION_FAILURE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqlStates.create("interrupted while cancelling", SqlStates.CANCELLED, e);
        }
    }

    private static HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (RemoteControl.class) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(CANCEL_TIMEOUT).build();
                }
                client = http;
            }
        }
        return client;
    }

    @Override
    public Runnable schedule(Statement statement, int seconds, Runnable onTimeout) {
        ScheduledFuture<?> task = TIMER.schedule(() -> {
            onTimeout.run();
            try {
                cancel(statement);
            } catch (SQLException e) {
                // the statement fails or ends by itself; nothing else to stop
            }
        }, seconds, TimeUnit.SECONDS);
        return () -> task.cancel(false);
    }
}
