package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.one;
import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static io.gatos.sql.jdbc.JdbcTestSupport.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.ReadStats;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves, by plans and by objects read, that filters, projections and limits reach the reader. */
class ScanPushdownTest {
    private static final int PER_JOURNAL = 50;
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;
    static String someCommit;
    static String newestOfLastJournal;

    @BeforeAll
    static void build() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        for (String ns : new String[] {"a", "b", "c", "d"}) {
            for (int i = 0; i < PER_JOURNAL; i++) {
                var id = repo.event(ns, "actor", "thing.happened", "{\"i\":" + i + "}");
                if (ns.equals("c") && i == 10) {
                    someCommit = id.name();
                }
                newestOfLastJournal = id.name();
            }
        }
        repo.writer().flush();
        // counts Git reads of the scans themselves, so the row cache (which would answer repeats) is off
        conn = DriverManager.getConnection(repo.jdbcUrl() + ";cache=false");
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    private static String plan(String sql) throws SQLException {
        return String.join("\n", rows(conn, "EXPLAIN PLAN FOR " + sql));
    }

    @Test
    void explainShowsPushedFiltersAndProjections() throws SQLException {
        assertThat(plan("SELECT id, kind FROM events WHERE ns = 'a'"))
                .isEqualTo("EnumerableLedgerScan(table=[[gatos, events]], fields=[[id, kind]], filters=[[=($1, 'a')]])\n");
        assertThat(plan("SELECT topic FROM shiplog WHERE topic IN ('x', 'y')"))
                .contains("table=[[gatos, shiplog]]").contains("filters=[[SEARCH($0, Sarg['x':VARCHAR, 'y':VARCHAR]:VARCHAR)]]")
                .contains("fields=[[topic]]");
        assertThat(plan("SELECT lag FROM consumers WHERE group_name = 'g'")).contains("filters=[[=($0, 'g')]]");
    }

    @Test
    void namespaceFilterReadsOnlyThatJournal() throws SQLException {
        ReadStats stats = stats(conn);
        long before = stats.blobs();
        assertThat(one(conn, "SELECT COUNT(*) FROM events WHERE ns = 'b' AND kind <> ''")).isEqualTo(String.valueOf(PER_JOURNAL));
        assertThat(stats.blobs() - before).isEqualTo(PER_JOURNAL);
        before = stats.blobs();
        assertThat(one(conn, "SELECT COUNT(*) FROM events WHERE ns IN ('b', 'd') AND kind <> ''")).isEqualTo("100");
        assertThat(stats.blobs() - before).isEqualTo(2L * PER_JOURNAL);
    }

    @Test
    void countingPerNamespaceReadsNoEnvelope() throws SQLException {
        ReadStats stats = stats(conn);
        long before = stats.blobs();
        List<String> fromCommits = rows(conn, "SELECT ns, \"stream\", COUNT(*), MAX(pos) FROM events GROUP BY ns, \"stream\"");
        assertThat(stats.blobs() - before).isZero();
        assertThat(fromCommits).isEqualTo(rows(conn,
                "SELECT ns, \"stream\", COUNT(id), MAX(pos) FROM events WHERE kind <> '' GROUP BY ns, \"stream\""));
        assertThat(stats.blobs() - before).isGreaterThanOrEqualTo(4L * PER_JOURNAL);
    }

    @Test
    void commitIdEqualityDecodesOneEnvelope() throws SQLException {
        ReadStats stats = stats(conn);
        long before = stats.blobs();
        assertThat(one(conn, "SELECT ns, pos, kind FROM events WHERE commit_id = '" + someCommit + "'"))
                .isEqualTo("c|10|thing.happened");
        assertThat(stats.blobs() - before).isEqualTo(1);
        before = stats.commits();
        assertThat(one(conn, "SELECT kind FROM events WHERE commit_id = '" + someCommit + "'"))
                .isEqualTo("thing.happened");
        assertThat(stats.commits() - before).as("one header per journal per round, down to the commit's depth")
                .isLessThanOrEqualTo(4L * (PER_JOURNAL - 10));
        before = stats.commits();
        assertThat(one(conn, "SELECT ns FROM events WHERE commit_id = '" + newestOfLastJournal + "'")).isEqualTo("d");
        assertThat(stats.commits() - before).as("a recent commit is found in the first rounds").isLessThanOrEqualTo(4);
        before = stats.commits();
        assertThat(one(conn, "SELECT ref FROM commits WHERE id = '" + someCommit + "'"))
                .isEqualTo("refs/gatos/journal/c/actor");
        assertThat(stats.commits() - before).isLessThan(4L * PER_JOURNAL);
        before = stats.commits();
        String absent = "0123456789".repeat(4);
        assertThat(rows(conn, "SELECT id FROM commits WHERE id = '" + absent + "'")).isEmpty();
        assertThat(rows(conn, "SELECT id FROM events WHERE commit_id = '" + absent + "'")).isEmpty();
        assertThat(stats.commits() - before).as("unknown ids cost no history walk").isZero();
    }

    @Test
    void limitStopsReading() throws SQLException {
        ReadStats stats = stats(conn);
        long before = stats.blobs();
        assertThat(rows(conn, "SELECT id FROM events LIMIT 3")).hasSize(3);
        assertThat(stats.blobs() - before).isLessThanOrEqualTo(4);
    }

    @Test
    void aQueryKeepsTheSnapshotItStartedWith() throws SQLException {
        int before = Integer.parseInt(one(conn, "SELECT COUNT(*) FROM events WHERE ns = 'a'"));
        int seen = 0;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM events WHERE ns = 'a' UNION ALL SELECT id FROM events WHERE ns = 'a'")) {
            assertThat(rs.next()).isTrue();
            seen++;
            repo.event("a", "actor", "late.event", "{}");
            repo.writer().flush();
            while (rs.next()) {
                seen++;
            }
        }
        assertThat(seen).as("both scans read the refs as they were when the statement started").isEqualTo(2 * before);
        assertThat(one(conn, "SELECT COUNT(*) FROM events WHERE ns = 'a'")).isEqualTo(String.valueOf(before + 1));
    }
}
