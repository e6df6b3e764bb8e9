package io.gatos.sql.calcite.dialect;

import io.gatos.sql.calcite.OneEventLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * Opens a Calcite connection as the JDBC driver sets one up, preparing with {@link GatosPrepare}
 * and parsing with {@link GatosParser}: a one-event ledger as schema {@code gatos} (the default),
 * {@code information_schema}, Calcite's {@code metadata}, and PostgreSQL's function library. Close
 * it to close the ledger.
 */
final class DialectConnection implements AutoCloseable {
    private final OneEventLedger ledger;
    final Connection connection;

    private DialectConnection(OneEventLedger ledger) {
        this.ledger = ledger;
        this.connection = ledger.connection;
    }

    static DialectConnection open(Path dir) throws SQLException {
        return new DialectConnection(OneEventLedger.open(dir));
    }

    /** Returns the context statements of this connection are prepared in. */
    CalcitePrepare.Context prepareContext() throws SQLException {
        return connection.unwrap(CalciteConnection.class).createPrepareContext();
    }

    /** Runs {@code sql} and returns what it threw; fails when it threw nothing. */
    Throwable failure(String sql) {
        try (Statement s = connection.createStatement()) {
            s.executeQuery(sql).close();
        } catch (SQLException e) {
            return e.getCause() == null ? e : e.getCause();
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Override
    public void close() throws SQLException {
        ledger.close();
    }
}
