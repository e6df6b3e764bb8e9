package io.gatos.sql.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Configures one {@code gatos serve} instance: what it reads, where it listens, and the limits it
 * enforces. Immutable; {@link #defaults(Path)} gives the documented defaults.
 *
 * @param repo the repository every connection reads
 * @param bind the address to listen on (loopback by default)
 * @param port the TCP port, or 0 for an ephemeral one
 * @param serialization the Avatica wire format
 * @param statementTimeout how long one statement may run (rounded up to whole seconds), or zero for none
 * @param maxRows the most rows one result may have, or 0 for no cap
 * @param maxConnections the most open client connections
 * @param maxStatements the most open statements over all connections
 * @param idleTimeout how long an unused connection or statement is kept before it is closed
 * @param threads the most HTTP worker threads
 * @param shutdownGrace how long a stop waits for running requests before cancelling them
 * @param auth who may connect
 * @param tls the keystore of the HTTPS listener, or null for plain HTTP
 * @param http what one HTTP client may hold: sizes, read timeout, pending bodies, connections
 */
public record ServerConfig(
        Path repo,
        String bind,
        int port,
        Serialization serialization,
        Duration statementTimeout,
        long maxRows,
        int maxConnections,
        int maxStatements,
        Duration idleTimeout,
        int threads,
        Duration shutdownGrace,
        Auth auth,
        Tls tls,
        HttpLimits http) {
    /** The address the server listens on unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8765;

    /** Avatica's two wire formats. */
    public enum Serialization {
        /** Protocol Buffers, Avatica's compact format and our default. */
        PROTOBUF,
        /** JSON, easier to debug. */
        JSON;

        /** Returns the value of the client's {@code serialization} URL property. */
        public String urlValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Says who may connect.
     *
     * @param users null when anyone may connect; otherwise the users file checked on every request
     */
    public record Auth(Path users) {
        /** Lets anyone connect. */
        public static final Auth NONE = new Auth(null);

        /** Returns whether requests need Basic credentials. */
        public boolean basic() {
            return users != null;
        }
    }

    /**
     * Names the keystore of the HTTPS listener.
     *
     * @param keystore a PKCS12 or JKS keystore holding the server's key and certificate
     * @param password the keystore's password (also used for the key)
     */
    public record Tls(Path keystore, String password) {
        /** Checks that both parts are present. */
        public Tls {
            requireNonNull(keystore, "keystore");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }

        /**
         * Reads the keystore; costs one file read.
         *
         * @throws ServerException naming the keystore and the options to check
         */
        public KeyStore load() {
            try {
                return KeyStore.getInstance(keystore.toFile(), password.toCharArray());
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new ServerException(ServerException.Code.TLS, "cannot read the TLS keystore " + keystore + ": "
                        + e.getMessage() + "; check --tls-keystore and --tls-password", e);
            }
        }

        /**
         * Returns an SSL context that trusts the certificates of the keystore, for clients of a
         * server using it (a health check, a test).
         *
         * @throws ServerException if the keystore cannot be read
         */
        public SSLContext trustContext() {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load());
                SSLContext ssl = SSLContext.getInstance("TLS");
                ssl.init(null, tmf.getTrustManagers(), null);
                return ssl;
            } catch (GeneralSecurityException e) {
                throw new ServerException(ServerException.Code.TLS, "cannot trust the TLS keystore " + keystore + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Checks the limits; throws {@link IllegalArgumentException} naming the option at fault. */
    public ServerConfig {
        requireNonNull(repo, "repo");
        requireNonNull(bind, "bind");
        requireNonNull(serialization, "serialization");
        requireNonNull(statementTimeout, "statementTimeout");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(shutdownGrace, "shutdownGrace");
        requireNonNull(auth, "auth");
        requireNonNull(http, "http");
        check(port >= 0 && port <= 65_535, "--port must be between 0 and 65535, not " + port);
        check(!statementTimeout.isNegative(), "--statement-timeout must not be negative");
        check(statementTimeout.toSeconds() < Integer.MAX_VALUE / 1000, "--statement-timeout is too long");
        check(maxRows >= 0, "--max-rows must be 0 (no cap) or positive, not " + maxRows);
        check(maxConnections > 0, "--max-connections must be positive, not " + maxConnections);
        check(maxStatements > 0, "--max-statements must be positive, not " + maxStatements);
        check(!idleTimeout.isNegative() && !idleTimeout.isZero(), "--idle-timeout must be positive");
        check(threads >= 4, "--threads must be at least 4, not " + threads);
        check(!shutdownGrace.isNegative(), "--shutdown-grace must not be negative");
    }

    /** Returns the documented defaults for {@code repo}: loopback:8765, protobuf, 60 s, no row cap, no auth. */
    public static ServerConfig defaults(Path repo) {
        return new ServerConfig(repo, LOOPBACK, DEFAULT_PORT, Serialization.PROTOBUF, Duration.ofSeconds(60), 0,
                64, 1_000, Duration.ofMinutes(10), 32, Duration.ofSeconds(10), Auth.NONE, null, HttpLimits.DEFAULTS);
    }

    /** Returns the statement timeout in whole seconds, rounded up, as JDBC takes it; 0 for none. */
    public int statementTimeoutSeconds() {
        long millis = statementTimeout.toMillis();
        return (int) ((millis + 999) / 1000);
    }

    /** Returns a copy listening on {@code newBind}:{@code newPort}. */
    public ServerConfig withAddress(String newBind, int newPort) {
        return new ServerConfig(repo, newBind, newPort, serialization, statementTimeout, maxRows, maxConnections,
                maxStatements, idleTimeout, threads, shutdownGrace, auth, tls, http);
    }

    /** Returns a copy with other limits. */
    public ServerConfig withLimits(Duration newTimeout, long newMaxRows, int newMaxConnections, int newMaxStatements) {
        return new ServerConfig(repo, bind, port, serialization, newTimeout, newMaxRows, newMaxConnections,
                newMaxStatements, idleTimeout, threads, shutdownGrace, auth, tls, http);
    }

    /** Returns a copy with another wire format, authentication and TLS setting ({@code newTls} may be null). */
    public ServerConfig withAccess(Serialization newSerialization, Auth newAuth, Tls newTls) {
        return new ServerConfig(repo, bind, port, newSerialization, statementTimeout, maxRows, maxConnections,
                maxStatements, idleTimeout, threads, shutdownGrace, newAuth, newTls, http);
    }

    /** Returns a copy with another idle timeout, thread count and shutdown grace. */
    public ServerConfig withRuntime(Duration newIdleTimeout, int newThreads, Duration newShutdownGrace) {
        return new ServerConfig(repo, bind, port, serialization, statementTimeout, maxRows, maxConnections,
                maxStatements, newIdleTimeout, newThreads, newShutdownGrace, auth, tls, http);
    }

    /** Returns a copy with other HTTP limits. */
    public ServerConfig withHttp(HttpLimits newHttp) {
        return new ServerConfig(repo, bind, port, serialization, statementTimeout, maxRows, maxConnections,
                maxStatements, idleTimeout, threads, shutdownGrace, auth, tls, newHttp);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
