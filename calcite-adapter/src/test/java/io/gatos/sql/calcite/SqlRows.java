package io.gatos.sql.calcite;

import io.gatos.sql.calcite.dialect.GatosPrepare;
import io.gatos.sql.catalog.Catalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;

/**
 * Opens Calcite connections over a {@link GatosSchema}, preparing statements with {@link GatosPrepare} as
 * the driver does, and reads query results and plans as strings.
 */
public final class SqlRows {
    private SqlRows() {
    }

    /** Opens a Calcite connection whose default schema is {@code schema}. */
    public static Connection connect(GatosSchema schema) throws SQLException {
        Connection c = open();
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        calcite.getRootSchema().add(Catalog.SCHEMA, schema);
        calcite.setSchema(Catalog.SCHEMA);
        return c;
    }

    /**
     * Opens a Calcite connection with no schema yet, set up as the JDBC driver sets one up: the
     * dialect of jdbc-driver's ConnectionDefaults, statements prepared by {@link GatosPrepare}.
     */
    public static Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("caseSensitive", "false");
        props.setProperty("unquotedCasing", "UNCHANGED");
        props.setProperty("quotedCasing", "UNCHANGED");
        props.setProperty("parserFactory", "io.gatos.sql.calcite.dialect.GatosParser#FACTORY");
        props.setProperty("fun", "postgresql");
        props.setProperty("conformance", "LENIENT");
        props.setProperty("typeSystem", "io.gatos.sql.calcite.dialect.GatosTypeSystem#INSTANCE");
        return new Driver().withPrepareFactory(GatosPrepare::new).connect("jdbc:calcite:", props);
    }

    /** Returns the physical plan of {@code sql}. */
    public static String plan(Connection c, String sql) throws SQLException {
        return String.join("\n", rows(c, "EXPLAIN PLAN FOR " + sql).stream().map(r -> r.get(0)).toList());
    }

    /** Returns every row of {@code sql}, each column as {@code getString}. */
    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
