package io.gatos.sql.server;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Builds a small ledger with known content and serves it on an ephemeral loopback port; clients
 * connect through the real Avatica remote driver. Close it to stop the server and the ledger.
 */
final class ServerFixture implements AutoCloseable {
    final LedgerTestRepository ledger;
    final GatosServer server;

    private ServerFixture(LedgerTestRepository ledger, GatosServer server) {
        this.ledger = ledger;
        this.server = server;
    }

    /** Builds the known ledger under {@code dir} and serves it with {@code customize} applied to the defaults. */
    static ServerFixture start(Path dir, UnaryOperator<ServerConfig> customize) {
        LedgerTestRepository ledger = knownLedger(dir.resolve("ledger.git"));
        ServerConfig config = customize.apply(ServerConfig.defaults(ledger.path()).withAddress("127.0.0.1", 0));
        return new ServerFixture(ledger, GatosServer.start(config));
    }

    /** Writes 5 orders events, 2 billing events and 3 billing messages. */
    static LedgerTestRepository knownLedger(Path path) {
        LedgerTestRepository ledger = LedgerTestRepository.create(path);
        for (int i = 1; i <= 5; i++) {
            ledger.event("orders", "alice", "order.created", "{\"amount\":" + (i * 10) + "}");
        }
        ledger.event("billing", "bob", "invoice.sent", "{\"amount\":3}");
        ledger.event("billing", "bob", "invoice.paid", "{\"amount\":4}");
        for (int i = 1; i <= 3; i++) {
            ledger.message("billing", "{\"n\":" + i + "}");
        }
        return ledger;
    }

    /** Connects with the Avatica remote driver and extra URL settings such as {@code ;avatica_user=x}. */
    Connection connect(String urlSuffix) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl() + urlSuffix, new Properties());
    }

    Connection connect() throws SQLException {
        return connect("");
    }

    /** Runs {@code sql} and returns its rows as "a|b|c" strings. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    @Override
    public void close() {
        server.close();
        ledger.close();
    }
}
