package io.gatos.sql.jdbc;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@link java.sql.DatabaseMetaData#getPrimaryKeys} from the catalog, as a real result set
 * with the JDBC columns (TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, KEY_SEQ, PK_NAME) built by
 * a {@code VALUES} query on the same connection.
 */
final class PrimaryKeys {
    private PrimaryKeys() {
    }

    /** Runs the query; closing the returned result set closes its statement too. */
    static ResultSet query(Connection connection, String schema, String table) throws SQLException {
        java.sql.Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        return statement.executeQuery(sql(schema, table));
    }

    /** Returns the SQL listing the key columns of {@code table} (all tables when null). */
    static String sql(String schema, String table) {
        List<String> rows = new ArrayList<>();
        boolean schemaMatches = schema == null || schema.equals(Catalog.SCHEMA);
        for (TableDef def : Catalog.get().tables()) {
            if (!schemaMatches || (table != null && !table.equals(def.name()))) {
                continue;
            }
            for (int i = 0; i < def.primaryKey().size(); i++) {
                rows.add("(CAST(NULL AS VARCHAR), " + literal(Catalog.SCHEMA) + ", " + literal(def.name()) + ", "
                        + literal(def.primaryKey().get(i)) + ", CAST(" + (i + 1) + " AS SMALLINT), "
                        + literal("pk_" + def.name()) + ")");
            }
        }
        String columns = "AS t(\"TABLE_CAT\", \"TABLE_SCHEM\", \"TABLE_NAME\", \"COLUMN_NAME\", \"KEY_SEQ\", \"PK_NAME\")";
        if (rows.isEmpty()) {
            String x = literal("x");
            return "SELECT * FROM (VALUES (CAST(NULL AS VARCHAR), " + x + ", " + x + ", " + x
                    + ", CAST(0 AS SMALLINT), " + x + ")) "
                    + columns + " WHERE 1 = 0";
        }
        return "SELECT * FROM (VALUES " + String.join(", ", rows) + ") " + columns
                + " ORDER BY \"TABLE_NAME\", \"COLUMN_NAME\"";
    }

    private static String literal(String text) {
        return "CAST('" + text.replace("'", "''") + "' AS VARCHAR)";
    }
}
