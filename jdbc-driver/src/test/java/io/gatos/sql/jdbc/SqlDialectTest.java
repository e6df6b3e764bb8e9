package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.one;
import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
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
 * Runs the parser-level parts of gatos-sql's dialect (GatosParser) through real jdbc:gatos
 * connections: stream as a name, trailing semicolons, PostgreSQL intervals, and the exact error
 * messages a user reads.
 */
class SqlDialectTest {
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

    /** The message of a statement that fails to parse: the driver drops Calcite's wrappers. */
    private static String parseFailed(String sql, String message) {
        return message;
    }

    @Test
    void streamIsAnOrdinaryColumnName() throws SQLException {
        assertThat(rows(conn, "SELECT stream FROM events WHERE ns = 'billing' ORDER BY pos"))
                .containsExactly("billing/carol", "billing/mallory");
        assertThat(rows(conn, "SELECT stream, ns, COUNT(*) FROM events WHERE stream = 'orders/bob' "
                + "GROUP BY stream, ns")).containsExactly("orders/bob|orders|2");
        assertThat(one(conn, "SELECT e.stream FROM events AS e WHERE e.stream IN (SELECT stream FROM events "
                + "WHERE actor LIKE '%carol') GROUP BY e.stream ORDER BY stream")).isEqualTo("billing/carol");
        assertThat(one(conn, "SELECT STREAM FROM events WHERE \"stream\" = 'billing/carol'"))
                .isEqualTo("billing/carol");
    }

    @Test
    void trailingSemicolonsAreAccepted() throws SQLException {
        assertThat(one(conn, "SELECT COUNT(*) FROM events;")).isEqualTo("7");
        assertThat(one(conn, "SELECT COUNT(*) FROM events ;  \n")).isEqualTo("7");
        assertThat(one(conn, "SELECT ';' AS s FROM events LIMIT 1; -- done")).isEqualTo(";");
    }

    @Test
    void aSecondStatementIsRefused() {
        assertThat(error("SELECT 1; SELECT 2")).isEqualTo(parseFailed("SELECT 1; SELECT 2",
                "Syntax error at line 1, column 11: one statement at a time: a second statement starts here; "
                        + "run it on its own"));
    }

    @Test
    void postgresIntervalStringsMeanTheStandardLiteral() throws SQLException {
        String standard = "SELECT COUNT(*) FROM events WHERE ts > TIMESTAMP '2026-01-08 00:00:03' - INTERVAL '7' DAY";
        assertThat(one(conn, standard)).isEqualTo("3");
        assertThat(one(conn, standard.replace("INTERVAL '7' DAY", "INTERVAL '7 days'"))).isEqualTo("3");
        assertThat(one(conn, "SELECT COUNT(*) FROM events WHERE ts > TIMESTAMP '2026-01-01 00:00:00' "
                + "- INTERVAL '7 days'")).isEqualTo("7");
        String at = "TIMESTAMP '2026-01-01 00:00:00' + ";
        assertThat(one(conn, "SELECT " + at + "INTERVAL '1 day', " + at + "interval '2 hours', " + at
                + "INTERVAL '-3 minutes', " + at + "INTERVAL '1 week', " + at + "INTERVAL '2 Years', " + at
                + "INTERVAL '+5 SECONDS', " + at + "INTERVAL '100 days'")).isEqualTo("2026-01-02 00:00:00|"
                + "2026-01-01 02:00:00|2025-12-31 23:57:00|2026-01-08 00:00:00|2028-01-01 00:00:00|"
                + "2026-01-01 00:00:05|2026-04-11 00:00:00");
    }

    @Test
    void otherIntervalStringsSayWhatToWrite() {
        String sql = "SELECT ts FROM events WHERE ts > TIMESTAMP '2026-01-02 00:00:00' - INTERVAL '1 day 2 hours'";
        assertThat(error(sql)).isEqualTo(parseFailed(sql, "Syntax error at line 1, column 77: "
                + "INTERVAL '1 day 2 hours' needs its unit after the quotes: write INTERVAL '1 2' DAY TO HOUR or "
                + "INTERVAL '26' HOUR"));
        assertThat(error("SELECT INTERVAL '1.5 hours'")).endsWith("Syntax error at line 1, column 17: "
                + "INTERVAL '1.5 hours' needs a unit after the quotes: write INTERVAL '7' DAY, INTERVAL '7 days' "
                + "(one whole count and one unit) or INTERVAL '1 2' DAY TO HOUR");
    }

    @Test
    void aMisspelledFirstKeywordGetsTheStatementKeywords() {
        assertThat(error("SELEC * FROM events")).isEqualTo(parseFailed("SELEC * FROM events",
                "Syntax error at line 1, column 1: a statement starts with SELECT, WITH, VALUES, EXPLAIN or "
                        + "DESCRIBE, not \"SELEC\"; did you mean SELECT?"));
        assertThat(error("SHOW TABLES")).endsWith("a statement starts with SELECT, WITH, VALUES, EXPLAIN or "
                + "DESCRIBE, not \"SHOW\"");
    }

    @Test
    void aMisspelledKeywordLaterOnIsNamedWithWhereItIs() {
        assertThat(error("SELECT * FORM events")).isEqualTo(parseFailed("SELECT * FORM events",
                "Syntax error at line 1, column 15: found \"events\", expected \",\", FROM, LIMIT, the end of "
                        + "the statement, UNION, EXCEPT, INTERSECT, OFFSET, ...; did you mean FROM instead of "
                        + "\"FORM\"?"));
        assertThat(error("SELECT ns FROM events\nGROUP BY ns\nHAVNG COUNT(*) > 1")).endsWith(
                "Syntax error at line 3, column 1: found \"HAVNG\", expected \",\", HAVING, LIMIT, AND, OR, the "
                        + "end of the statement, UNION, EXCEPT, ...; did you mean HAVING?");
        assertThat(error("SELECT ts FROM events ORDER ts")).endsWith(
                "Syntax error at line 1, column 29: found \"ts\", expected BY");
        assertThat(error("SELECT ns, FROM events")).endsWith(
                "Syntax error at line 1, column 12: found \"FROM\", expected an expression");
        assertThat(error("SELECT ns FROM events WHERE")).endsWith(
                "Syntax error at line 1, column 27: found the end of the statement, expected an expression");
    }

    @Test
    void emptyStatementsAndStrayCharactersAreNamed() {
        assertThat(error("  ;")).isEqualTo("Syntax error: the statement is empty; write a query such "
                + "as SELECT * FROM events");
        assertThat(error("SELECT # FROM events")).endsWith("Syntax error at line 1, column 8: unexpected "
                + "character \"#\"");
        assertThat(error("SELECT 'abc FROM events")).endsWith("Syntax error at line 1, column 8: the quote ' "
                + "opened here is never closed");
    }
}
