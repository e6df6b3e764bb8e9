package io.gatos.sql.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements for the conformance suite and renders what they return: rows as strings, counts,
 * and the exception a statement raises.
 */
final class JdbcChecks {
    private JdbcChecks() {
    }

    static Object call(java.sql.DatabaseMetaData md, String method) {
        try {
            return java.sql.DatabaseMetaData.class.getMethod(method).invoke(md);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static List<String> render(ResultSet rs) throws SQLException {
        return lines(rs, "|");
    }

    static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    static int size(ResultSet rs) throws SQLException {
        try (rs) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return lines(st.executeQuery(sql), "");
        }
    }

    /** Renders each row of {@code rs}, then closes it: the columns' strings joined by "|", between two {@code edge}s. */
    static List<String> lines(ResultSet rs, String edge) throws SQLException {
        try (rs) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(edge);
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.append(edge).toString());
            }
            return rows;
        }
    }

    static SQLException failure(Connection c, String sql) {
        return catchThrowableOfType(SQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                if (st.execute(sql)) {
                    size(st.getResultSet());
                }
            }
        });
    }
}
