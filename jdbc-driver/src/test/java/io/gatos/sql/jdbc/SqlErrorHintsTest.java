package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the errors raised after parsing (GatosPrepare's Preparation) through real jdbc:gatos
 * connections: "did you mean" for unknown tables, columns and functions, what to write instead of
 * subtracting timestamps, and the refusal of statements that write. Asserts the exact messages a
 * user reads.
 */
class SqlErrorHintsTest {
    @TempDir
    static Path dir;
    static KnownLedger ledger;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        ledger = KnownLedger.build(dir.resolve("ledger.git"));
        conn = DriverManager.getConnection(ledger.url());
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        ledger.repo.close();
    }

    private static String error(String sql) {
        return JdbcTestSupport.errorMessage(conn, sql);
    }

    /** The message of a failed statement: the driver drops Calcite's "Error while executing SQL" wrapper. */
    private static String failed(String sql, String message) {
        return message;
    }

    private static void assertFails(String sql, String message) {
        assertThat(error(sql)).isEqualTo(failed(sql, message));
    }

    @Test
    void anUnknownTableNamesTheNearestOne() {
        assertFails("SELECT * FROM event", "From line 1, column 15 to line 1, column 19: Object 'event' not found; "
                + "did you mean 'events'?");
        assertFails("SELECT * FROM gatos.comits", "From line 1, column 15 to line 1, column 26: Object 'comits' not "
                + "found within 'gatos'; did you mean 'commits'?");
        assertFails("SELECT * FROM tabels", "From line 1, column 15 to line 1, column 20: Object 'tabels' not found; "
                + "did you mean 'information_schema.tables'?");
        assertFails("SELECT * FROM information_schema.colums", "From line 1, column 15 to line 1, column 39: Object "
                + "'colums' not found within 'information_schema'; did you mean 'information_schema.columns'?");
        assertFails("SELECT * FROM gatso.events", "From line 1, column 15 to line 1, column 26: Object 'gatso' not "
                + "found; did you mean 'gatos.events'?");
    }

    @Test
    void anUnknownColumnNamesTheNearestOneOfTheTablesInFrom() {
        assertFails("SELECT kindd FROM events", "From line 1, column 8 to line 1, column 12: Column 'kindd' not found "
                + "in any table; did you mean 'kind'?");
        assertFails("SELECT e.kind, c.autor FROM events e JOIN commits c ON c.id = e.commit_id",
                "From line 1, column 18 to line 1, column 22: Column 'autor' not found in table 'c'; did you mean "
                        + "'author'?");
        assertFails("SELECT evnts.ns FROM events", "From line 1, column 8 to line 1, column 12: Table 'evnts' not "
                + "found; did you mean 'events'?");
        assertFails("WITH w AS (SELECT ns AS namespace FROM events) SELECT namespac FROM w",
                "From line 1, column 55 to line 1, column 62: Column 'namespac' not found in any table; did you mean "
                        + "'namespace'?");
    }

    @Test
    void anUnknownFunctionNamesTheNearestOne() {
        assertFails("SELECT uper(ns) FROM events", "From line 1, column 8 to line 1, column 15: No match found for "
                + "function signature uper(<CHARACTER>); did you mean 'UPPER'?");
        assertFails("SELECT COUNTT(*) FROM events", "At line 1, column 15: Unknown identifier '*': no function is "
                + "named 'COUNTT'; did you mean 'COUNT'?");
        String shiplog = "SELECT * FROM TABLE(shiplog_raed('billing', CAST(NULL AS VARCHAR), 5))";
        assertFails(shiplog, "From line 1, column 21 to line 1, column 69: No match found for function signature "
                + "shiplog_raed(<CHARACTER>, <CHARACTER>, <NUMERIC>); did you mean 'shiplog_read'?");
    }

    @Test
    void withNothingNearCalcitesMessageIsKept() {
        assertFails("SELECT nope FROM events", "From line 1, column 8 to line 1, column 11: Column 'nope' not found "
                + "in any table");
        assertFails("SELECT * FROM nope", "From line 1, column 15 to line 1, column 18: Object 'nope' not found");
        assertFails("SELECT * FROM TABLE(shiplog_read('billing'))", "From line 1, column 21 to line 1, column 43: No "
                + "match found for function signature shiplog_read(<CHARACTER>)");
    }

    @Test
    void subtractingTimestampsSaysWhatToWriteAndBothAlternativesWork() throws SQLException {
        String sql = "SELECT MAX(ts) - MIN(ts) FROM events";
        assertThat(error(sql)).isEqualTo(failed(sql, "From line 1, column 8 to line 1, column 24: Cannot apply '-' to "
                + "arguments of type '<TIMESTAMP(3)> - <TIMESTAMP(3)>'; to subtract timestamps write "
                + "TIMESTAMPDIFF(SECOND, MIN(ts), MAX(ts)) for the number of seconds, or (MAX(ts) - MIN(ts)) DAY TO "
                + "SECOND(3) for an interval. Supported form(s): '<NUMERIC> - <NUMERIC>'\n"
                + "'<DATETIME_INTERVAL> - <DATETIME_INTERVAL>'\n'<DATETIME> - <DATETIME_INTERVAL>'"));
        assertThat(one(conn, "SELECT TIMESTAMPDIFF(SECOND, MIN(ts), MAX(ts)), CAST((MAX(ts) - MIN(ts)) DAY TO "
                + "SECOND(3) AS VARCHAR) FROM events WHERE ns = 'orders'")).isEqualTo("4|+0 00:00:04.000");
    }

    @Test
    void statementsThatWriteAreRefused() {
        String refused = "gatos-sql is read-only: %s is not supported; the ledger is written by GATOS tools";
        assertFails("INSERT INTO events (id) VALUES ('x')", refused.formatted("INSERT"));
        assertFails("UPDATE events SET ns = 'x'", refused.formatted("UPDATE"));
        assertFails("DELETE FROM events", refused.formatted("DELETE"));
        assertFails("MERGE INTO events e USING events f ON e.id = f.id WHEN MATCHED THEN UPDATE SET ns = 'x'",
                refused.formatted("MERGE"));
        assertFails("CREATE TABLE t (i INTEGER)", refused.formatted("CREATE TABLE"));
        assertFails("DROP TABLE events", refused.formatted("DROP TABLE"));
        assertFails("TRUNCATE TABLE events", refused.formatted("TRUNCATE"));
    }

    @Test
    void aPreparedStatementThatWritesIsRefusedWhenPrepared() {
        try {
            conn.prepareStatement("DELETE FROM events WHERE id = ?").close();
            throw new AssertionError("expected the DELETE to be refused");
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("25006");
            assertThat((Throwable) e).hasMessage("gatos-sql is read-only: DELETE is not supported; the ledger is "
                    + "written by GATOS tools");
        }
    }
}
