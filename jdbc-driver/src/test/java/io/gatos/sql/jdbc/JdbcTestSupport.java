package io.gatos.sql.jdbc;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.ledger.ReadStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;

/** Runs queries and renders result sets as lists of "a|b|c" lines, for exact assertions. */
final class JdbcTestSupport {
    private JdbcTestSupport() {
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<String> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (i > 1) {
                    line.append('|');
                }
                line.append(rs.getString(i));
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Runs {@code sql} and returns the message of the SQLException it throws; fails when it throws none. */
    static String errorMessage(Connection c, String sql) {
        try (java.sql.Statement s = c.createStatement()) {
            s.executeQuery(sql).close();
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    static String one(Connection c, String sql) throws SQLException {
        List<String> rows = rows(c, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows);
        }
        return rows.get(0);
    }

    static ReadStats stats(Connection c) throws SQLException {
        return repository(c).stats();
    }

    static io.gatos.sql.ledger.LedgerRepository repository(Connection c) throws SQLException {
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        return calcite.getRootSchema().subSchemas().get("gatos").unwrap(GatosSchema.class).repository();
    }
}
