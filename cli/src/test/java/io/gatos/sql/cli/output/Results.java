package io.gatos.sql.cli.output;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.apache.calcite.jdbc.Driver;

/**
 * Renders queries run on Calcite's own driver ({@code jdbc:calcite:}, called directly rather than
 * through DriverManager) with a result writer.
 */
final class Results {
    private Results() {}

    /** Runs {@code sql} on an empty Calcite connection and returns what {@code writer} printed. */
    static String render(ResultWriter writer, String sql) throws Exception {
        try (Connection connection = new Driver().connect("jdbc:calcite:", new Properties());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            StringWriter out = new StringWriter();
            writer.write(rs, out);
            return out.toString();
        }
    }
}
