package io.gatos.sql.calcite.infoschema;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.ledger.LedgerRepository;
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
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;

/**
 * Opens a plain Calcite connection as the driver sets one up: a one-event ledger as schema
 * {@code gatos} (the default) and {@code information_schema}, plus schema {@code misc} holding the
 * view {@code per_ns} ({@code ns, n} over {@code gatos.events}). Close it to close the ledger.
 */
final class InfoSchemaConnection implements AutoCloseable {
    final LedgerTestRepository ledger;
    final LedgerRepository repository;
    final Connection connection;

    private InfoSchemaConnection(LedgerTestRepository ledger, LedgerRepository repository, Connection connection) {
        this.ledger = ledger;
        this.repository = repository;
        this.connection = connection;
    }

    static InfoSchemaConnection open(Path dir) throws SQLException {
        LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{\"amount\":1}");
        LedgerRepository repository = LedgerRepository.open(ledger.path());
        Properties props = new Properties();
        props.setProperty("caseSensitive", "false");
        props.setProperty("unquotedCasing", "UNCHANGED");
        Connection c = DriverManager.getConnection("jdbc:calcite:", props);
        SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
        root.add(Catalog.SCHEMA, new GatosSchema(repository));
        InformationSchema.mount(root);
        SchemaPlus misc = root.add("misc", new AbstractSchema());
        // Calcite analyses a view on a connection of its own, with default (upper-casing) settings.
        misc.add("per_ns", ViewTable.viewMacro(misc, "SELECT \"ns\", COUNT(*) AS \"n\" FROM \"gatos\".\"events\""
                + " GROUP BY \"ns\"", List.of("misc"), List.of("misc", "per_ns"), false));
        c.unwrap(CalciteConnection.class).setSchema(Catalog.SCHEMA);
        return new InfoSchemaConnection(ledger, repository, c);
    }

    /** Returns the rows of {@code sql} as "a|b|c" strings. */
    List<String> rows(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    /** Returns the column labels of {@code sql}'s result. */
    List<String> labels(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i));
            }
            return out;
        }
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
