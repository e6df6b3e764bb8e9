package io.gatos.sql.materialize.parquet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs queries on DuckDB's in-memory engine, the independent reader of the Parquet files tests write. */
public final class DuckDb {
    private DuckDb() {
    }

    /** Returns every row of {@code sql}, each value as DuckDB renders it with {@code getString}. */
    public static List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** Returns the single value of {@code sql}. */
    public static String value(String sql) throws SQLException {
        return rows(sql).get(0).get(0);
    }

    /** Quotes {@code path} as a DuckDB string literal. */
    public static String literal(Object path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
