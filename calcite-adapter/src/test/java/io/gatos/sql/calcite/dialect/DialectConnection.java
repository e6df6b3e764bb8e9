package io.gatos.sql.calcite.dialect;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.calcite.infoschema.InformationSchema;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Opens a Calcite connection as the JDBC driver sets one up, preparing with {@link GatosPrepare}
 * and parsing with {@link GatosParser}: a one-event ledger as schema {@code gatos} (the default),
 * {@code information_schema}, Calcite's {@code metadata}, and PostgreSQL's function library. Close
 * it to close the ledger.
 */
final class DialectConnection implements AutoCloseable {
    final LedgerTestRepository ledger;
    final LedgerRepository repository;
    final Connection connection;

    private DialectConnection(LedgerTestRepository ledger, LedgerRepository repository, Connection connection) {
        this.ledger = ledger;
        this.repository = repository;
        this.connection = connection;
    }

    static DialectConnection open(Path dir) throws SQLException {
        LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{\"amount\":1}");
        LedgerRepository repository = LedgerRepository.open(ledger.path());
        Properties props = new Properties();
        props.setProperty("caseSensitive", "false");
        props.setProperty("unquotedCasing", "UNCHANGED");
        props.setProperty("quotedCasing", "UNCHANGED");
        props.setProperty("fun", "postgresql");
        props.setProperty("parserFactory", GatosParser.class.getName() + "#FACTORY");
        Connection c = new Driver().withPrepareFactory(GatosPrepare::new).connect("jdbc:calcite:", props);
        SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
        root.add(Catalog.SCHEMA, new GatosSchema(repository));
        InformationSchema.mount(root);
        c.unwrap(CalciteConnection.class).setSchema(Catalog.SCHEMA);
        return new DialectConnection(ledger, repository, c);
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
        try {
            connection.close();
        } finally {
            repository.close();
            ledger.close();
        }
    }
}
