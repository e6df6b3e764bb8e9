package io.gatos.sql.server.conformance;

import static io.gatos.sql.server.conformance.ConformanceLedgers.INSTANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.gatos.sql.server.conformance.JdbcChecks.call;
import static io.gatos.sql.server.conformance.JdbcChecks.count;
import static io.gatos.sql.server.conformance.JdbcChecks.failure;
import static io.gatos.sql.server.conformance.JdbcChecks.render;
import static io.gatos.sql.server.conformance.JdbcChecks.rows;
import static io.gatos.sql.server.conformance.JdbcChecks.size;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatos.sql.server.conformance.Access.Feature;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every access path to the same JDBC contract (README § JDBC): the time model, parameters,
 * read-only transactions, SQLStates, row limits, timeouts and cancels. The pom runs it in JVMs
 * started in UTC, America/New_York and Asia/Tokyo; the answers must not depend on the zone.
 * {@link JdbcPoolIT} runs the same paths under HikariCP.
 */
class JdbcConformanceIT {
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String LONG_QUERY = "SELECT COUNT(*) FROM events a, events b, events c WHERE a.id <> c.id";

    static ConformanceFixture fixture;
    static java.nio.file.Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("conformance");
        fixture = ConformanceFixture.start(dir);
        System.out.println("JdbcConformanceIT runs in JVM zone " + TimeZone.getDefault().getID());
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void aTimestampIsItsInstantAndItsUtcWallClock(Access access) throws SQLException {
        try (Connection c = fixture.connect(access, false); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ts FROM events ORDER BY ts")) {
            for (Instant expected : INSTANTS) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(expected);
                assertThat(rs.getTimestamp("ts").toInstant()).isEqualTo(expected);
                assertThat(((Timestamp) rs.getObject(1)).toInstant()).isEqualTo(expected);
                assertThat(rs.getString(1)).isEqualTo(WALL.format(expected.atOffset(ZoneOffset.UTC)));
                if (access.carries(Feature.JAVA_TIME)) {
                    assertThat(rs.getObject(1, Instant.class)).isEqualTo(expected);
                    assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.ofInstant(expected, ZoneOffset.UTC));
                    assertThat(rs.getObject(1, OffsetDateTime.class)).isEqualTo(expected.atOffset(ZoneOffset.UTC));
                    assertThat(rs.getObject("ts", Timestamp.class).toInstant()).isEqualTo(expected);
                }
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void aDateIsItsCalendarDay(Access access) throws SQLException {
        try (Connection c = fixture.connect(access, false); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT CAST(ts AS DATE) AS d, DATE '2026-01-01' AS fixed FROM events ORDER BY ts")) {
            for (Instant at : INSTANTS) {
                LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("d")).isEqualTo(day.toString());
                if (access.carries(Feature.LOCAL_DAYS)) {
                    assertThat(rs.getDate("d").toLocalDate()).isEqualTo(day);
                    assertThat(((Date) rs.getObject(1)).toLocalDate()).isEqualTo(day);
                    assertThat(rs.getDate(2).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
                }
                if (access.carries(Feature.JAVA_TIME)) {
                    assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(day);
                    assertThat(rs.getObject("fixed", LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 1));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void timestampParametersBindInstants(Access access) throws SQLException {
        Instant cut = INSTANTS.get(1);
        try (Connection c = fixture.connect(access, false);
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE ts < ?")) {
            ps.setTimestamp(1, Timestamp.from(cut));
            assertThat(count(ps)).isEqualTo(1);
            ps.setTimestamp(1, Timestamp.from(INSTANTS.get(4)));
            assertThat(count(ps)).as("milliseconds survive the trip").isEqualTo(4);
            if (access.carries(Feature.JAVA_TIME)) {
                ps.setObject(1, LocalDateTime.ofInstant(cut, ZoneOffset.UTC));
                assertThat(count(ps)).isEqualTo(1);
                ps.setObject(1, cut.atOffset(ZoneOffset.ofHours(9)));
                assertThat(count(ps)).isEqualTo(1);
                ps.setObject(1, cut.atZone(ZoneId.of("America/New_York")));
                assertThat(count(ps)).isEqualTo(1);
                ps.setObject(1, INSTANTS.get(3));
                assertThat(count(ps)).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void dateParametersBindCalendarDays(Access access) throws SQLException {
        assumeTrue(access.carries(Feature.LOCAL_DAYS), "README: the stock client reads and binds dates in UTC");
        try (Connection c = fixture.connect(access, false);
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events WHERE CAST(ts AS DATE) = ?")) {
            ps.setDate(1, Date.valueOf("2026-01-01"));
            assertThat(count(ps)).isEqualTo(2);
            ps.setObject(1, LocalDate.of(2026, 1, 2));
            assertThat(count(ps)).isEqualTo(1);
            ps.setObject(1, Date.valueOf("2026-03-08"));
            assertThat(count(ps)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void connectionsAreReadOnlyWithAutoCommitOn(Access access) throws SQLException {
        try (Connection c = fixture.connect(access, false)) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isTrue();
            c.setAutoCommit(false);
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(rows(c, "SELECT ns FROM events WHERE ns = 'billing'")).hasSize(2);
            c.commit();
            c.rollback();
            c.setReadOnly(false);
            c.setAutoCommit(true);
            assertThat(c.getAutoCommit()).isTrue();
            for (String write : List.of("DELETE FROM events", "INSERT INTO events(id) VALUES ('x')",
                    "CREATE TABLE t (a INT)", "UPDATE events SET ns = 'x'")) {
                SQLException e = failure(c, write);
                assertThat(e.getSQLState()).as(write).isEqualTo("25006");
                assertThat(e.getMessage()).as(write).contains("read-only");
            }
        }
    }

    static Stream<Arguments> errors() {
        List<Arguments> cases = new ArrayList<>();
        String[][] table = {
            {"SELEC 1", "42601", "SELECT"},
            {"SELECT * FROM nope", "42S02", "'nope'"},
            {"SELECT nope FROM events", "42S22", "'nope'"},
            {"SELECT no_such_function(1) FROM events", "42883", "no_such_function"},
            {"SELECT CAST(2 AS INTEGER)/0 FROM (VALUES(1))", "22012", "zero"},
            {"SELECT COUNT(*)/(COUNT(*)-COUNT(*)) FROM events", "22012", "zero"},
            {"SELECT CAST(kind AS INTEGER) FROM events", "22018", "order.created"},
        };
        for (Access access : Access.values()) {
            for (String[] row : table) {
                cases.add(Arguments.of(access, row[0], row[1], row[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("errors")
    void errorsCarryAStateAndTheServersMessageOnly(Access access, String sql, String state, String mentions)
            throws SQLException {
        try (Connection c = fixture.connect(access, false)) {
            SQLException e = failure(c, sql);
            assertThat(e.getSQLState()).as(e.toString()).isEqualTo(state);
            assertThat(e.getMessage()).contains(mentions).doesNotContain("\tat ", "Exception:");
            if (access == Access.STOCK) {
                assertThat(ServerTraces.of(e)).as("no server stack frame reaches the client").noneMatch(t -> t.contains("\tat "));
            } else if (state.startsWith("42")) {
                assertThat((Throwable) e).isInstanceOf(java.sql.SQLSyntaxErrorException.class);
            } else {
                assertThat((Throwable) e).isInstanceOf(java.sql.SQLDataException.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void failuresOutsideStatementsCarryConnectionStates(Access access) throws SQLException {
        assumeTrue(access.carries(Feature.CLIENT_STATES), "the stock client raises these without a state");
        Connection c = fixture.connect(access, false);
        c.close();
        SQLException closed = catchThrowableOfType(SQLException.class, c::createStatement);
        assertThat(closed.getSQLState()).isEqualTo("08003");
        String unreachable = access == Access.EMBEDDED ? "jdbc:gatos:repo=" + dir.resolve("absent.git")
                : "jdbc:gatos:url=http://127.0.0.1:1";
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> java.sql.DriverManager.getConnection(unreachable));
        assertThat(refused.getSQLState()).as(refused.toString()).isEqualTo("08001");
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void maxRowsCapsStatementsAndPreparedStatements(Access access) throws SQLException {
        try (Connection c = fixture.connect(access, false); Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM events WHERE ns <> ?")) {
            st.setMaxRows(2);
            assertThat(size(st.executeQuery("SELECT id FROM events"))).isEqualTo(2);
            ps.setMaxRows(3);
            ps.setString(1, "none");
            assertThat(size(ps.executeQuery())).isEqualTo(access.carries(Feature.STATEMENT_LIMITS) ? 3 : 5);
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void theServersRowCapIsAStateAndEmbeddedHasNone(Access access) throws SQLException {
        try (Connection c = fixture.connect(access, true)) {
            if (access == Access.EMBEDDED) {
                assertThat(rows(c, "SELECT id FROM events")).hasSize(ConformanceLedgers.BIG_EVENTS);
            } else if (access == Access.REMOTE) {
                SQLException e = failure(c, "SELECT id FROM events");
                assertThat(e.getSQLState()).isEqualTo("54000");
                assertThat(e.getMessage()).contains("--max-rows");
            } else {
                // README: the stock client raises errors of later frames unchecked, with the state in the message
                RuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuntimeException.class,
                        () -> rows(c, "SELECT id FROM events"));
                assertThat(e.toString()).contains("(54000)", "--max-rows");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void aQueryTimeoutStopsTheStatement(Access access) throws SQLException {
        assumeTrue(access.carries(Feature.STATEMENT_LIMITS), "README: the stock client does not send timeouts");
        try (Connection c = fixture.connect(access, true); Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement(LONG_QUERY)) {
            for (Statement s : List.of(st, ps)) {
                s.setQueryTimeout(1);
                long start = System.nanoTime();
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> size(s == ps ? ps.executeQuery() : st.executeQuery(LONG_QUERY)));
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("timeout of 1 s (%s, %s) ended the statement after %d ms%n", access,
                        s == ps ? "prepared" : "statement", millis);
                assertThat((Throwable) e).isInstanceOf(java.sql.SQLTimeoutException.class);
                assertThat(e.getSQLState()).isEqualTo("HYT00");
                assertThat(millis).as("well before the server's own timeout of 120 s").isLessThan(30_000);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void cancelReachesTheRunningStatement(Access access) throws Exception {
        assumeTrue(access.carries(Feature.STATEMENT_LIMITS), "README: the stock client cannot cancel remotely");
        try (Connection c = fixture.connect(access, true); Statement st = c.createStatement()) {
            // cancel until the statement ends: a cancel that lands before the query starts is lost
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
            long[] lastCancel = new long[1];
            long[] slowestReturn = new long[1];
            Thread canceller = new Thread(() -> {
                try {
                    while (!ended.await(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        long start = System.nanoTime();
                        lastCancel[0] = start;
                        st.cancel();
                        slowestReturn[0] = Math.max(slowestReturn[0], System.nanoTime() - start);
                    }
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            SQLException e = catchThrowableOfType(SQLException.class, () -> size(st.executeQuery(LONG_QUERY)));
            long endedAt = System.nanoTime();
            ended.countDown();
            canceller.join();
            long returned = slowestReturn[0] / 1_000_000;
            long stopped = (endedAt - lastCancel[0]) / 1_000_000;
            System.out.printf("cancel (%s) returned in at most %d ms; the statement ended %d ms after the last one%n",
                    access, returned, stopped);
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).as(e.toString()).isEqualTo("57014");
            assertThat(returned).as("cancel() does not wait for the query").isLessThan(5_000);
            assertThat(stopped).as("the statement stops soon after the cancel").isLessThan(5_000);
            assertThat(rows(c, "SELECT COUNT(*) FROM events")).containsExactly(String.valueOf(ConformanceLedgers.BIG_EVENTS));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Access.class, names = {"REMOTE", "STOCK"})
    void remoteAnswersEqualEmbeddedOnes(Access access) throws SQLException {
        List<String> queries = List.of(
                "SELECT id, ns, ts, CAST(ts AS DATE) AS d, JSON_VALUE(payload, '$.n') AS n FROM events ORDER BY ts",
                "SELECT ns, COUNT(*), SUM(CAST(JSON_VALUE(payload, '$.amount') AS DECIMAL(10, 2))) FROM events GROUP BY ns ORDER BY ns",
                "SELECT DATE_TRUNC('month', ts) AS m, COUNT(*) FROM events GROUP BY DATE_TRUNC('month', ts) ORDER BY m",
                "SELECT TIMESTAMP '2026-03-08 02:30:00' + INTERVAL '1' HOUR, DATE '2026-03-08' - INTERVAL '1' DAY");
        try (Connection embedded = fixture.connect(Access.EMBEDDED, false); Connection remote = fixture.connect(access, false)) {
            for (String sql : queries) {
                assertThat(rows(remote, sql)).as(sql).isEqualTo(rows(embedded, sql)).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Access.class, names = "REMOTE")
    void metadataAnswersAsEmbedded(Access access) throws SQLException {
        try (Connection embedded = fixture.connect(Access.EMBEDDED, false); Connection remote = fixture.connect(access, false)) {
            java.sql.DatabaseMetaData e = embedded.getMetaData();
            java.sql.DatabaseMetaData r = remote.getMetaData();
            assertThat(r.getDatabaseProductName()).isEqualTo(e.getDatabaseProductName()).isEqualTo("gatos-sql");
            for (String flag : List.of("storesMixedCaseIdentifiers", "storesUpperCaseIdentifiers", "storesLowerCaseIdentifiers",
                    "storesMixedCaseQuotedIdentifiers", "supportsMixedCaseIdentifiers", "supportsMixedCaseQuotedIdentifiers")) {
                assertThat(call(r, flag)).as(flag).isEqualTo(call(e, flag));
            }
            assertThat(render(r.getTables(null, "GATOS", "EVENTS", null))).isEqualTo(render(e.getTables(null, "GATOS", "EVENTS", null)))
                    .hasSize(1);
            assertThat(render(r.getPrimaryKeys(null, "gatos", "events"))).isEqualTo(render(e.getPrimaryKeys(null, "gatos", "events")))
                    .singleElement().asString().contains("|id|");
            List<String> imported = render(e.getImportedKeys(null, null, "jobs"));
            assertThat(imported).isNotEmpty();
            assertThat(render(r.getImportedKeys(null, null, "jobs"))).isEqualTo(imported);
            assertThat(render(r.getExportedKeys(null, "gatos", "commits"))).isEqualTo(render(e.getExportedKeys(null, "gatos", "commits")))
                    .isNotEmpty();
        }
    }

}
