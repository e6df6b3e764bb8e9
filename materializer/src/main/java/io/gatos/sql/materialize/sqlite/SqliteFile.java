package io.gatos.sql.materialize.sqlite;

import io.gatos.sql.materialize.MaterializeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Opens SQLite files through the xerial driver: a work file tuned for bulk loading (no journal,
 * no fsync: it is a temporary file that is thrown away on failure) or an existing file read-only.
 * Connections must be closed.
 */
public final class SqliteFile {
    private SqliteFile() {
    }

    /** Opens {@code file} (created when absent) for a bulk load inside explicit transactions. */
    public static Connection openForLoad(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65_536);
        config.enforceForeignKeys(false);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Opens {@code file} read-only as immutable, so that reading leaves no {@code -wal} or
     * {@code -shm} file behind; it must exist and have no pending write-ahead log (exports are
     * checkpointed when their writer closes).
     */
    public static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.READONLY);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        return DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath()
                + "?immutable=1", config.toProperties());
    }

    /**
     * Finishes a loaded file: foreign keys checked (a violation is a {@code CONSTRAINT} error naming
     * the first rows), the exporter version stored (when not null), and the rollback journal
     * ({@code DELETE} mode) set: a file left in WAL mode cannot be opened by a user who may not write
     * its directory, nor with {@code ?mode=ro}.
     */
    public static void seal(Connection c, Integer userVersion) throws SQLException {
        c.commit();
        List<String> violations = query(c, "PRAGMA foreign_key_check", 5);
        if (!violations.isEmpty()) {
            throw new MaterializeException(MaterializeException.Code.CONSTRAINT, "the ledger breaks a foreign key of"
                    + " the export (table, rowid, referenced table): " + violations + "; the findings table names"
                    + " the cause; export without the referencing table (--tables) to go on");
        }
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            if (userVersion != null) {
                s.execute("PRAGMA user_version = " + userVersion);
            }
            s.execute("PRAGMA journal_mode = DELETE");
        }
    }

    /** Returns up to {@code limit} rows of {@code sql}, each rendered as its columns joined by ", ". */
    public static List<String> query(Connection c, String sql, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next() && out.size() < limit) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? ", " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
