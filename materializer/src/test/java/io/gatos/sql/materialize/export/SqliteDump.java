package io.gatos.sql.materialize.export;

import io.gatos.sql.materialize.sqlite.SqliteFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads SQLite files back with the plain xerial driver, independently of the exporter. */
final class SqliteDump {
    private SqliteDump() {
    }

    /** Returns the schema and every row of every table of {@code file}, in a stable order, as text lines. */
    static List<String> dump(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = SqliteFile.openReadOnly(file)) {
            List<String> tables = new ArrayList<>();
            for (List<Object> row : rows(c, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                out.add(row.toString());
                if ("table".equals(row.get(0))) {
                    tables.add((String) row.get(1));
                }
            }
            for (String t : tables) {
                for (List<Object> row : rows(c, "SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) {
                    out.add(t + " " + row);
                }
            }
        }
        return out;
    }

    /** Returns the rows of {@code sql} on {@code file}. */
    static List<List<Object>> rows(Path file, String sql) throws SQLException {
        try (Connection c = SqliteFile.openReadOnly(file)) {
            return rows(c, sql);
        }
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof Integer x ? Long.valueOf(x) : v);
                }
                out.add(row);
            }
        }
        return out;
    }
}
