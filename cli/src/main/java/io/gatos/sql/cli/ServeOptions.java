package io.gatos.sql.cli;

import io.gatos.sql.cli.options.DurationConverter;
import io.gatos.sql.server.HttpLimits;
import io.gatos.sql.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Declares the options of {@code gatos serve} and turns them into a {@link ServerConfig}. */
final class ServeOptions {
    /** The environment variable read when --tls-password is not given. */
    static final String TLS_PASSWORD_ENV = "GATOS_TLS_PASSWORD";

    @Option(names = "--repo", paramLabel = "PATH", description = "The ledger to serve (required unless --check).")
    Path repo;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.LOOPBACK,
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--serialization", defaultValue = "protobuf", paramLabel = "protobuf|json",
            description = "Avatica wire format; clients must use the same (default: ${DEFAULT-VALUE}).")
    String serialization;

    @Option(names = "--statement-timeout", defaultValue = "60s", converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Longest a statement may run, rounded up to seconds; 0 for none (default: ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "0",
            description = "Most rows one result may have; a larger result fails; 0 for no cap (default: ${DEFAULT-VALUE}).")
    long maxRows;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "64", description = "Most open client connections (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-statements", paramLabel = "N", defaultValue = "1000", description = "Most open statements (default: ${DEFAULT-VALUE}).")
    int maxStatements;

    @Option(names = "--idle-timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Unused connections and statements are closed after this long (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "32", description = "Most HTTP worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--shutdown-grace", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "On SIGTERM, how long running requests may finish before they are cancelled (default: ${DEFAULT-VALUE}).")
    Duration shutdownGrace;

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest request body; a larger one is refused (413) before it is read (default: ${DEFAULT-VALUE}).")
    int maxRequestBytes;

    @Option(names = "--read-timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A connection that sends nothing for this long is closed, also while its body arrives"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--auth", defaultValue = "none", paramLabel = "none|basic",
            description = "none: anyone who reaches the port may query; basic: HTTP Basic credentials checked"
                    + " against --users (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Users file written by 'gatos passwd' (salted PBKDF2 hashes); required with --auth basic.")
    Path users;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 or JKS keystore: serve HTTPS with its key.")
    Path tlsKeystore;

    @Option(names = "--tls-password", paramLabel = "SECRET",
            description = "Password of --tls-keystore; defaults to the environment variable " + TLS_PASSWORD_ENV + ".")
    String tlsPassword;

    /** Builds the configuration; throws {@link UserException} naming the option at fault. */
    ServerConfig config() throws UserException {
        if (repo == null) {
            throw new UserException("--repo PATH is required: name the ledger to serve");
        }
        try {
            return new ServerConfig(repo, bind, port, serialization(), statementTimeout, maxRows, maxConnections,
                    maxStatements, idleTimeout, threads, shutdownGrace, auth(), tls(),
                    HttpLimits.DEFAULTS.withBodyAndTimeout(maxRequestBytes, readTimeout));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Returns the TLS setting, or null for plain HTTP. */
    ServerConfig.Tls tls() throws UserException {
        if (tlsKeystore == null) {
            if (tlsPassword != null) {
                throw new UserException("--tls-password needs --tls-keystore FILE");
            }
            return null;
        }
        String password = tlsPassword != null ? tlsPassword : System.getenv(TLS_PASSWORD_ENV);
        if (password == null) {
            throw new UserException("--tls-keystore needs its password: give --tls-password or set " + TLS_PASSWORD_ENV);
        }
        return new ServerConfig.Tls(tlsKeystore, password);
    }

    private ServerConfig.Serialization serialization() throws UserException {
        return switch (serialization.strip().toLowerCase(Locale.ROOT)) {
            case "protobuf" -> ServerConfig.Serialization.PROTOBUF;
            case "json" -> ServerConfig.Serialization.JSON;
            default -> throw new UserException("--serialization must be protobuf or json, not '" + serialization + "'");
        };
    }

    private ServerConfig.Auth auth() throws UserException {
        return switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> {
                if (users != null) {
                    throw new UserException("--users FILE needs --auth basic");
                }
                yield ServerConfig.Auth.NONE;
            }
            case "basic" -> {
                if (users == null) {
                    throw new UserException("--auth basic needs --users FILE; create one with 'gatos passwd --users FILE USER'");
                }
                yield new ServerConfig.Auth(users);
            }
            default -> throw new UserException("--auth must be none or basic, not '" + auth + "'");
        };
    }
}
