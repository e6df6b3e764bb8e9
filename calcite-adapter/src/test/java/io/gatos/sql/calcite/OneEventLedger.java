package io.gatos.sql.calcite;

import io.gatos.sql.calcite.infoschema.InformationSchema;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Builds a one-event ledger and opens a connection set up as the JDBC driver sets one up
 * ({@link SqlRows#open}): the ledger as schema {@code gatos} (the default) and
 * {@code information_schema}. Close it to close the connection and the ledger.
 */
public final class OneEventLedger implements AutoCloseable {
    /** The test repository. */
    public final LedgerTestRepository ledger;
    /** The reader the schema borrows. */
    public final LedgerRepository repository;
    /** The connection. */
    public final Connection connection;

    private OneEventLedger(LedgerTestRepository ledger, LedgerRepository repository, Connection connection) {
        this.ledger = ledger;
        this.repository = repository;
        this.connection = connection;
    }

    /** Writes the ledger under {@code dir} and connects to it. */
    public static OneEventLedger open(Path dir) throws SQLException {
        LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{\"amount\":1}");
        LedgerRepository repository = LedgerRepository.open(ledger.path());
        Connection c = SqlRows.open();
        SchemaPlus root = root(c);
        root.add(Catalog.SCHEMA, new GatosSchema(repository));
        InformationSchema.mount(root);
        c.unwrap(CalciteConnection.class).setSchema(Catalog.SCHEMA);
        return new OneEventLedger(ledger, repository, c);
    }

    /** Returns the root schema of {@code c}, to mount more schemas. */
    public static SchemaPlus root(Connection c) throws SQLException {
        return c.unwrap(CalciteConnection.class).getRootSchema();
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
