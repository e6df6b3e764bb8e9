package io.gatos.sql.materialize.export;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.catalog.ColumnDef;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.jdbc.GatosDriver;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.materialize.sqlite.SqliteDdl;
import io.gatos.sql.materialize.sqlite.SqliteValues;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Reads the ledger tables of one export run through the SQL adapter, as of its pinned snapshot:
 * schema {@code delta} presents only what was added since the previous export (a based snapshot),
 * schema {@code snap} the whole pinned snapshot; both read the same ref heads for the whole run.
 * Must be closed.
 */
final class SnapshotTables implements AutoCloseable {
    /** Schema of the rows added since the base. */
    static final String DELTA = "delta";
    /** Schema of the whole snapshot. */
    static final String SNAP = "snap";

    private final Connection connection;
    private final LedgerRepository repository;

    SnapshotTables(LedgerRepository repository, LedgerSnapshot whole, LedgerSnapshot delta) throws SQLException {
        this.repository = requireNonNull(repository, "repository");
        Properties props = new Properties();
        props.setProperty(GatosDriver.REPO, repository.path().toString());
        this.connection = DriverManager.getConnection(GatosDriver.PREFIX, props);
        CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
        calcite.getRootSchema().add(DELTA, new GatosSchema(repository, () -> delta));
        calcite.getRootSchema().add(SNAP, new GatosSchema(repository, () -> whole));
    }

    /** Returns the connection, for queries of the whole snapshot ({@code snap.<table>}). */
    Connection connection() {
        return connection;
    }

    /** Streams the rows of {@code columns} of {@code table} from {@code schema}, filtered, to {@code sink}. */
    long copy(String schema, TableDef table, List<String> columns, RowFilter filter, RowSink sink)
            throws SQLException {
        String sql = "SELECT " + SqliteDdl.quoteAll(columns) + " FROM "
                + SqliteDdl.quote(schema) + "." + SqliteDdl.quote(table.name())
                + (filter == null ? "" : " WHERE " + filter.sql());
        List<ColumnDef> defs = columns.stream().map(c -> table.column(c).orElseThrow()).toList();
        Calendar utc = SqliteValues.utc();
        long n = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (filter != null) {
                filter.bind(ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[defs.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = SqliteValues.read(rs, i + 1, defs.get(i).type().jdbcType(), utc);
                    }
                    sink.accept(row);
                    n++;
                }
            }
        }
        return n;
    }


    /** Returns the distinct {@code Fold-Root} trailers of the state heads, nulls left out. */
    List<String> distinctFoldRoots() throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT \"fold_root\" FROM \"snap\".\"state_checkpoints\" WHERE \"is_head\""
                        + " AND \"fold_root\" IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Returns the full commit id {@code rev} names. */
    String resolve(String rev) {
        return LedgerState.resolve(repository, rev, "commit").name();
    }

    /** Counts the rows of {@code table} in the whole snapshot that {@code filter} admits. */
    long count(TableDef table, RowFilter filter) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + SqliteDdl.quote(SNAP) + "." + SqliteDdl.quote(table.name())
                + (filter == null ? "" : " WHERE " + filter.sql());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (filter != null) {
                filter.bind(ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Receives rows. */
    interface RowSink {
        /** Takes one row; values in column order. */
        void accept(Object[] row) throws SQLException;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
