package io.gatos.sql.materialize.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the constraints of an SQLite export that only some SQLite versions accept, with SQL that
 * means the same on every version: a nullable JSON column checked by a bare {@code json_valid}
 * rejects NULL before SQLite 3.45 (Debian 12, Ubuntu 22.04 and 24.04), so such a file passes
 * {@code integrity_check} with the driver's SQLite and fails with the system's. Reads the schema
 * only; costs one query per table.
 */
public final class PortableSchema {
    private PortableSchema() {
    }

    /** Returns the {@code table.column} names whose CHECK is not NULL-safe on every SQLite; empty when none. */
    public static List<String> nullUnsafeJsonChecks(Connection c) throws SQLException {
        List<String> unsafe = new ArrayList<>();
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name FROM pragma_table_info(" + SqliteTypes.literal(table[0]) + ") WHERE \"notnull\" = 0")) {
                while (rs.next()) {
                    String column = SqliteTypes.quote(rs.getString(1));
                    boolean bare = table[1].contains("json_valid(" + column + ")");
                    boolean guarded = table[1].contains(column + " IS NULL OR json_valid(" + column + ")");
                    if (bare && !guarded) {
                        unsafe.add(table[0] + "." + rs.getString(1));
                    }
                }
            }
        }
        return unsafe;
    }
}
