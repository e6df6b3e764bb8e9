package io.gatos.sql.server.conformance;

import io.gatos.sql.server.GatosServer;
import io.gatos.sql.server.ServerConfig;
import io.gatos.sql.server.corpus.StockAvaticaClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Builds the conformance ledgers once and serves each on a loopback port, so that every check
 * connects the same way a user's program would: {@link #connect(Access, boolean)} opens an
 * embedded connection, a {@code jdbc:gatos:url=} one or a stock Avatica one. The server of
 * {@code big} caps results at {@link #ROW_CAP} rows. Close it to stop the servers.
 */
final class ConformanceFixture implements AutoCloseable {
    /** The row cap of the server of {@code big}. */
    static final long ROW_CAP = 1000;

    private final Path times;
    private final Path big;
    private final GatosServer timesServer;
    private final GatosServer bigServer;
    private final StockAvaticaClient stock;

    private ConformanceFixture(Path times, Path big, GatosServer timesServer, GatosServer bigServer,
            StockAvaticaClient stock) {
        this.times = times;
        this.big = big;
        this.timesServer = timesServer;
        this.bigServer = bigServer;
        this.stock = stock;
    }

    /** Writes the ledgers under {@code dir} and starts their servers. */
    static ConformanceFixture start(Path dir) {
        Path times = dir.resolve("times.git");
        Path big = dir.resolve("big.git");
        ConformanceLedgers.times(times);
        ConformanceLedgers.big(big);
        GatosServer timesServer = GatosServer.start(ServerConfig.defaults(times).withAddress("127.0.0.1", 0));
        GatosServer bigServer = GatosServer.start(ServerConfig.defaults(big).withAddress("127.0.0.1", 0)
                .withLimits(Duration.ofSeconds(120), ROW_CAP, 64, 256));
        StockAvaticaClient stock = StockAvaticaClient.load(Path.of(System.getProperty("gatos.clients.dir")));
        return new ConformanceFixture(times, big, timesServer, bigServer, stock);
    }

    /** Connects to {@code times} (or {@code big}) through {@code access}; the caller closes it. */
    Connection connect(Access access, boolean bigLedger) throws SQLException {
        return switch (access) {
            case EMBEDDED -> DriverManager.getConnection("jdbc:gatos:repo=" + (bigLedger ? big : times));
            case REMOTE -> DriverManager.getConnection("jdbc:gatos:url=" + server(bigLedger));
            case STOCK -> stock.connect("jdbc:avatica:remote:url=" + server(bigLedger)
                    + ";serialization=protobuf;timeZone=UTC", new Properties());
        };
    }

    /** Returns the JDBC URL of {@code access} to {@code times}, for pools. */
    String url(Access access) {
        return switch (access) {
            case EMBEDDED -> "jdbc:gatos:repo=" + times;
            case REMOTE -> "jdbc:gatos:url=" + server(false);
            case STOCK -> "jdbc:avatica:remote:url=" + server(false) + ";serialization=protobuf;timeZone=UTC";
        };
    }

    /** Returns the stock client's driver, which {@link DriverManager} cannot see from its class loader. */
    java.sql.Driver stockDriver() {
        return stock.driver();
    }

    private String server(boolean bigLedger) {
        return "http://127.0.0.1:" + (bigLedger ? bigServer : timesServer).port();
    }

    @Override
    public void close() {
        timesServer.close();
        bigServer.close();
        stock.close();
    }
}
