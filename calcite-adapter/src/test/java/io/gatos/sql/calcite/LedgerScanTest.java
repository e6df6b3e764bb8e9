package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerScanTest {
    private static final RelCollation NEWEST_FIRST = RelCollations.of(
            new RelFieldCollation(6, Direction.DESCENDING), new RelFieldCollation(0, Direction.DESCENDING));

    @TempDir
    static Path dir;
    static CachedAndUncached ledger;
    static Connection cached;
    static Connection uncached;

    @BeforeAll
    static void open() throws SQLException {
        ledger = CachedAndUncached.open(dir, 300, 3);
        cached = ledger.cached;
        uncached = ledger.uncached;
    }

    @AfterAll
    static void close() throws SQLException {
        ledger.close();
    }

    @Test
    void declaresTheLongestPrefixOfTheTableOrderThatItsColumnsExpress() {
        assertThat(LedgerScan.project(NEWEST_FIRST, List.of(0, 6)).getFieldCollations())
                .extracting(RelFieldCollation::getFieldIndex).containsExactly(1, 0);
        assertThat(LedgerScan.project(NEWEST_FIRST, List.of(6, 5, 0)).getFieldCollations())
                .extracting(RelFieldCollation::getFieldIndex).containsExactly(0, 2);
        assertThat(LedgerScan.project(NEWEST_FIRST, List.of(6)).getFieldCollations())
                .extracting(RelFieldCollation::getFieldIndex).containsExactly(0);
        assertThat(LedgerScan.project(NEWEST_FIRST, List.of(0, 5))).isEqualTo(RelCollations.EMPTY);
        assertThat(LedgerScan.project(RelCollations.EMPTY, List.of(0, 6))).isEqualTo(RelCollations.EMPTY);
    }

    /** The row cache's order (ts, id) sits at columns 6 and 0 of the table, not of a narrower scan. */
    @Test
    void sortsByAColumnAtThePositionTheTableOrderNamesWhenTheScanIsNarrower() throws SQLException {
        String sql = "SELECT error, commit_id, event_cid, sig_alg, policy_root, caps, kind, payload, id FROM events"
                + " ORDER BY kind DESC";
        for (Connection c : List.of(cached, uncached)) {
            List<List<String>> rows = SqlRows.rows(c, sql);
            assertThat(rows).hasSize(300).isSortedAccordingTo(
                    Comparator.comparing((List<String> r) -> r.get(6)).reversed());
            assertThat(SqlRows.plan(c, sql)).contains("EnumerableSort");
        }
    }

    @Test
    void needsNoSortForTheNewestRowsWhenTheCacheOrdersThem() throws SQLException {
        String sql = "SELECT id, ts FROM events ORDER BY ts DESC, id DESC LIMIT 5";
        assertThat(SqlRows.plan(cached, sql)).doesNotContain("Sort")
                .contains("EnumerableLedgerScan(table=[[gatos, events]], fields=[[id, ts]])");
        assertThat(SqlRows.plan(uncached, sql)).contains("EnumerableSort");
        assertThat(SqlRows.rows(cached, sql)).hasSize(5).isEqualTo(SqlRows.rows(uncached, sql));
    }

    @Test
    void putsColumnsInTheOrderTheQueryAsksEvenWhenItReadsThemAll() throws SQLException {
        String all = "id, ns, actor, \"stream\", pos, kind, ts, payload, caps, policy_root, sig_alg, event_cid, commit_id,"
                + " error, source_pos, source_commit";
        String swapped = "ns, id" + all.substring("id, ns".length());
        for (Connection c : List.of(cached, uncached)) {
            List<List<String>> straight = SqlRows.rows(c, "SELECT " + all + " FROM events ORDER BY commit_id");
            List<List<String>> turned = SqlRows.rows(c, "SELECT " + swapped + " FROM events ORDER BY commit_id");
            assertThat(turned).hasSize(300);
            for (int i = 0; i < turned.size(); i++) {
                assertThat(turned.get(i).subList(0, 2)).containsExactly(straight.get(i).get(1), straight.get(i).get(0));
            }
        }
    }
}
