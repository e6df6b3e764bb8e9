package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerScanRulesTest {
    @TempDir
    static Path dir;
    static CachedAndUncached ledger;
    static Connection cached;
    static Connection uncached;

    @BeforeAll
    static void open() throws SQLException {
        ledger = CachedAndUncached.open(dir, 300, 5);
        cached = ledger.cached;
        uncached = ledger.uncached;
    }

    @AfterAll
    static void close() throws SQLException {
        ledger.close();
    }

    /** Shapes that failed to plan when the cached scan declared its order (issue 14). */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ns, id, ROW_NUMBER() OVER (PARTITION BY ns ORDER BY ts, id) AS rn FROM events ORDER BY ns, rn",
        "SELECT ns, id, LAG(id) OVER (PARTITION BY ns ORDER BY ts, id) AS prev_id FROM events ORDER BY ns, id",
        "SELECT ns, id FROM events QUALIFY ROW_NUMBER() OVER (PARTITION BY ns ORDER BY ts DESC, id DESC) = 1 ORDER BY ns",
        "SELECT ns, COUNT(*) AS n FROM events GROUP BY ns HAVING COUNT(*) > 1 ORDER BY n DESC, ns",
        "WITH t AS (SELECT kind, COUNT(*) FROM events GROUP BY kind) SELECT * FROM t ORDER BY 2 DESC, 1",
        "SELECT kind FROM events WHERE CASE WHEN pos = 0 THEN 'first' ELSE 'later' END = 'first' ORDER BY kind",
        "SELECT id, ts, SUM(pos) OVER (ORDER BY ts, id) AS running_pos FROM events ORDER BY ts DESC, id DESC LIMIT 7"})
    void plansTheSameAnswerWithAndWithoutTheRowCache(String sql) throws SQLException {
        List<List<String>> expected = SqlRows.rows(uncached, sql);
        assertThat(expected).isNotEmpty();
        assertThat(SqlRows.rows(cached, sql)).isEqualTo(expected);
    }

    /** A narrowed scan must not inherit the table's key: grouping by ns would look unique and vanish. */
    @Test
    void groupsOnANarrowedScanAreNotMistakenForKeys() throws SQLException {
        for (Connection c : List.of(cached, uncached)) {
            assertThat(SqlRows.rows(c, "SELECT ns, COUNT(*) FROM events GROUP BY ns HAVING COUNT(*) > 1"))
                    .hasSizeGreaterThan(1);
        }
    }

    @Test
    void narrowsTheScanToTheColumnsAnAggregateReads() throws SQLException {
        assertThat(SqlRows.plan(uncached, "SELECT ns, COUNT(DISTINCT kind) FROM events GROUP BY ns"))
                .contains("EnumerableLedgerScan(table=[[gatos, events]], fields=[[ns, kind]])");
    }

    @Test
    void takesFiltersTheTableAppliesExactlyOutOfThePlanAndKeepsTheRest() throws SQLException {
        String sql = "SELECT id FROM events WHERE ns = 'orders' AND kind <> 'order.paid'";
        String plan = SqlRows.plan(uncached, sql);
        assertThat(plan).contains("filters=[[=($1, 'orders'), <>($5, 'order.paid')]]")
                .contains("<>(").doesNotContain("=($t1, 'orders')");
        assertThat(SqlRows.rows(uncached, sql)).isEqualTo(SqlRows.rows(uncached,
                "SELECT id FROM events WHERE ns || '' = 'orders' AND kind <> 'order.paid'"));
    }
}
