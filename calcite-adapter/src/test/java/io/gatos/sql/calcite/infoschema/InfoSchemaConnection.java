package io.gatos.sql.calcite.infoschema;

import io.gatos.sql.calcite.OneEventLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;

/**
 * Opens a {@link OneEventLedger} connection (as the driver sets one up: the ledger as {@code gatos},
 * the default, and {@code information_schema}), plus schema {@code misc} holding the
 * view {@code per_ns} ({@code ns, n} over {@code gatos.events}). Close it to close the ledger.
 */
final class InfoSchemaConnection implements AutoCloseable {
    private final OneEventLedger ledger;
    final Connection connection;

    private InfoSchemaConnection(OneEventLedger ledger) {
        this.ledger = ledger;
        this.connection = ledger.connection;
    }

    static InfoSchemaConnection open(Path dir) throws SQLException {
        OneEventLedger ledger = OneEventLedger.open(dir);
        SchemaPlus misc = OneEventLedger.root(ledger.connection).add("misc", new AbstractSchema());
        // Calcite analyses a view on a connection of its own, with default (upper-casing) settings.
        misc.add("per_ns", ViewTable.viewMacro(misc, "SELECT \"ns\", COUNT(*) AS \"n\" FROM \"gatos\".\"events\""
                + " GROUP BY \"ns\"", List.of("misc"), List.of("misc", "per_ns"), false));
        return new InfoSchemaConnection(ledger);
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
        ledger.close();
    }
}
