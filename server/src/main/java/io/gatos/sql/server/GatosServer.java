package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.ledger.LedgerException;
import io.gatos.sql.ledger.LedgerRepository;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Runs {@code gatos serve}: an Avatica HTTP(S) server over one repository, each client connection
 * an embedded {@code jdbc:gatos:} connection whose statements read the live refs. Must be closed
 * ({@link #close()} stops gracefully); holds one repository open, shared by health probes and every
 * client connection.
 */
public final class GatosServer implements AutoCloseable {
    /** How long a stop waits for cancelled statements to end and responses to be sent. */
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final LedgerRepository repository;
    private final GatosMeta meta;
    private final Gateway gateway;
    private final Server jetty;
    private final ServerConnector connector;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private GatosServer(ServerConfig config, LedgerRepository repository, Function<String, Optional<String>> auth)
            throws SQLException {
        this.config = config;
        this.repository = repository;
        this.meta = new GatosMeta(config, repository);
        Service service = ErrorShield.wrap(new LocalService(meta));
        this.gateway = new Gateway(auth, new HealthProbe(repository), meta::cancel, service, config.serialization(),
                config.http());
        QueuedThreadPool pool = new QueuedThreadPool(config.threads(), 4);
        pool.setName("gatos-serve");
        this.jetty = new Server(pool);
        this.connector = connector(jetty, config);
        jetty.addConnector(connector);
        jetty.addBean(new ConnectionLimit(config.http().maxHttpConnections(), connector));
        jetty.setErrorHandler(new BriefErrors());
        // Jetty stops gracefully only with a StatisticsHandler: it then waits for every response to be
        // completed on the wire, not just handled, before closing connections.
        StatisticsHandler completion = new StatisticsHandler();
        completion.setHandler(gateway);
        jetty.setHandler(completion);
        jetty.setStopTimeout(COMPLETION_TIMEOUT.toMillis());
    }

    /**
     * Starts a server for {@code config}; returns once it accepts connections.
     *
     * @throws ServerException naming the repository, users file, keystore or address at fault
     */
    public static GatosServer start(ServerConfig config) {
        requireNonNull(config, "config");
        Function<String, Optional<String>> auth = Authentication.of(config.auth());
        if (config.tls() != null) {
            config.tls().load(); // fails early, naming the keystore, before Jetty's generic error
        }
        LedgerRepository repository = openRepository(config);
        GatosServer server = null;
        try {
            server = new GatosServer(config, repository, auth);
            server.jetty.start();
            server.gateway.setServerRpcMetadata(new RpcMetadataResponse(config.bind() + ":" + server.port()));
            return server;
        } catch (Exception e) {
            if (server != null) {
                server.stopJetty();
            }
            repository.close();
            throw startFailure(config, e);
        }
    }

    /** Returns the port the server listens on (the real one when {@link ServerConfig#port()} was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Returns the base URI clients use, such as {@code http://127.0.0.1:8765}. */
    public URI uri() {
        return URI.create((config.tls() == null ? "http" : "https") + "://" + host() + ":" + port());
    }

    /** Returns the JDBC URL a client uses, without credentials or trust store settings. */
    public String jdbcUrl() {
        return "jdbc:avatica:remote:url=" + uri() + ";serialization=" + config.serialization().urlValue()
                + ";timeZone=UTC" + (config.auth().basic() ? ";authentication=BASIC" : "");
    }

    /** Returns the URL gatos-jdbc connects with, {@code jdbc:gatos:url=...} (README § JDBC). */
    public String gatosJdbcUrl() {
        return "jdbc:gatos:url=" + uri();
    }

    /** Returns the configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** Returns the number of open client connections. */
    public long openConnections() {
        return meta.openConnections();
    }

    /**
     * Stops the server: refuses new statements, waits up to the shutdown grace for requests in
     * flight, cancels the statements still running, then closes every connection. Idempotent.
     *
     * @return what the stop had to do
     */
    public StopReport stop() {
        if (!stopped.compareAndSet(false, true)) {
            return new StopReport(true, 0);
        }
        meta.beginStop();
        gateway.beginStop();
        boolean drained;
        int cancelled = 0;
        try {
            drained = gateway.awaitIdle(config.shutdownGrace());
            if (!drained) {
                cancelled = meta.cancelAll();
                gateway.awaitIdle(COMPLETION_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        stopJetty();
        meta.closeAll();
        repository.close();
        return new StopReport(drained, cancelled);
    }

    /** Stops the server as {@link #stop()} does. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Reports a stop.
     *
     * @param drained whether every request in flight finished within the grace period
     * @param cancelled how many statements were cancelled
     */
    public record StopReport(boolean drained, int cancelled) {
    }

    private void stopJetty() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is about to exit or the test is over
        }
    }

    private String host() {
        String bind = config.bind();
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.isEmpty()) {
            return bind.contains(":") ? "[" + bind + "]" : bind;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static LedgerRepository openRepository(ServerConfig config) {
        try {
            return LedgerRepository.open(config.repo());
        } catch (LedgerException e) {
            throw new ServerException(ServerException.Code.REPOSITORY, e.getMessage(), e);
        }
    }

    /** Returns the listener: no server version sent, headers bounded, silent connections closed. */
    private static ServerConnector connector(Server jetty, ServerConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(config.http().maxHeaderBytes());
        http.setDelayDispatchUntilContent(false); // refuse a declared oversize body before any of it arrives
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        ServerConnector connector = config.tls() == null ? new ServerConnector(jetty, plain)
                : new ServerConnector(jetty, new SslConnectionFactory(ssl(config.tls()), "http/1.1"), plain);
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.http().readTimeout().toMillis());
        return connector;
    }

    private static SslContextFactory.Server ssl(ServerConfig.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        return ssl;
    }

    private static ServerException startFailure(ServerConfig config, Exception e) {
        if (e instanceof ServerException s) {
            return s;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new ServerException(ServerException.Code.ADDRESS, "cannot listen on " + config.bind() + ":"
                        + config.port() + ": " + t.getMessage() + "; choose another --port or --bind, or stop the"
                        + " process that holds it", e);
            }
        }
        return new ServerException(ServerException.Code.START, "gatos serve could not start: " + e.getMessage(), e);
    }
}
