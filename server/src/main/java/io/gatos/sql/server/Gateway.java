package io.gatos.sql.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Routes every request: answers {@code GET /health} for load balancers (without credentials),
 * answers 401 to requests without valid Basic credentials when authentication is on, hands
 * Avatica's requests to an {@link RpcEndpoint} (the server's wire format, or JSON on {@link #JSON}),
 * and counts the requests in flight so a stop can wait for them. An answer that leaves a request
 * body unread closes the connection, so that no worker thread waits for the rest. Thread-safe.
 */
final class Gateway extends AbstractHandler {
    /** The path of the health endpoint. */
    static final String HEALTH = "/health";
    /**
     * The path a client posts to, with query parameters {@code connection} (id) and
     * {@code statement} (id), to cancel a running statement; Avatica's protocol has no cancel.
     */
    static final String CANCEL = "/cancel";
    /**
     * The path that speaks Avatica's JSON protocol whatever the server's serialization: gatos-jdbc
     * relocates Avatica, and Avatica's protobuf messages carry Java class names, so its client
     * needs the JSON protocol, whose messages carry none.
     */
    static final String JSON = "/gatos-jdbc/json";

    private final Function<String, Optional<String>> authenticator;
    private final HealthProbe health;
    private final BiPredicate<String, Integer> canceller;
    private final RpcEndpoint main;
    private final RpcEndpoint json;
    private final Object lock = new Object();
    private int inFlight;
    private volatile boolean stopping;

    /**
     * Creates the gateway.
     *
     * @param authenticator maps an Authorization header (null when absent) to the user it proves, or
     *     null when anyone may connect
     * @param health answers the health endpoint
     * @param canceller cancels a connection's statement, answering whether it was open
     * @param service answers Avatica's requests, in {@code serialization} and in JSON on {@link #JSON}
     * @param serialization the server's wire format
     * @param limits the body size and the number of bodies that may be arriving at once
     */
    Gateway(Function<String, Optional<String>> authenticator, HealthProbe health,
            BiPredicate<String, Integer> canceller, Service service, ServerConfig.Serialization serialization,
            HttpLimits limits) {
        this.authenticator = authenticator;
        this.health = requireNonNull(health, "health");
        this.canceller = requireNonNull(canceller, "canceller");
        Semaphore pending = new Semaphore(limits.maxPendingBodies());
        this.main = new RpcEndpoint(RpcProtocol.of(serialization, service), limits.maxBodyBytes(), pending,
                this::inFlight);
        this.json = new RpcEndpoint(RpcProtocol.of(ServerConfig.Serialization.JSON, service),
                limits.maxBodyBytes(), pending, this::inFlight);
    }

    /** Tells clients of both protocols which server answered them. */
    void setServerRpcMetadata(RpcMetadataResponse metadata) {
        main.protocol().setRpcMetadata(metadata);
        json.protocol().setRpcMetadata(metadata);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, javax.servlet.ServletException {
        base.setHandled(true);
        if (HEALTH.equals(target)) {
            closeAfter(request, response);
            HealthProbe.Status status = stopping ? HealthProbe.Status.stopping() : health.probe(inFlight());
            write(response, status.ok() ? 200 : 503, "application/json", status.json());
            return;
        }
        if (authenticator != null && authenticator.apply(request.getHeader("Authorization")).isEmpty()) {
            closeAfter(request, response);
            response.setHeader("WWW-Authenticate", "Basic realm=\"gatos\", charset=\"UTF-8\"");
            write(response, 401, "text/plain", "authentication required: connect with authentication=BASIC;"
                    + "avatica_user=NAME;avatica_password=SECRET, a user of gatos serve --users\n");
            return;
        }
        if (CANCEL.equals(target)) {
            closeAfter(request, response);
            cancel(request, response);
            return;
        }
        (JSON.equals(target) ? json : main).serve(request, response);
    }

    /** Runs {@code work}, counted as a request in flight. */
    private void inFlight(Runnable work) {
        enter();
        try {
            work.run();
        } finally {
            leave();
        }
    }

    private void cancel(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String connection = request.getParameter("connection");
        String statement = request.getParameter("statement");
        if (!"POST".equals(request.getMethod()) || connection == null || statement == null
                || !statement.matches("[0-9]{1,9}")) {
            write(response, 400, "text/plain", "cancel with POST " + CANCEL + "?connection=ID&statement=N\n");
            return;
        }
        boolean cancelled = canceller.test(connection, Integer.parseInt(statement));
        write(response, 200, "application/json", "{\"cancelled\":" + cancelled + "}");
    }

    /** Marks the server as stopping: the health endpoint answers 503 from now on. */
    void beginStop() {
        stopping = true;
    }

    /** Waits up to {@code timeout} for the requests in flight to finish; returns whether none is left. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Returns the number of requests in flight. */
    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    private void enter() {
        synchronized (lock) {
            inFlight++;
        }
    }

    private void leave() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** Closes the connection after the response when {@code request} has a body nobody will read. */
    static void closeAfter(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    /** Writes a whole response of {@code body} as UTF-8 text. */
    static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        write(response, status, type + ";charset=utf-8", body.getBytes(UTF_8));
    }

    /** Writes a whole response of {@code bytes}, {@code type} being the full Content-Type. */
    static void write(HttpServletResponse response, int status, String type, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
