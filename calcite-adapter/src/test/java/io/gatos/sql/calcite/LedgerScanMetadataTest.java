package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerScanMetadataTest {
    @TempDir
    Path dir;

    /** The cached scan's order survives a filter above it, so the newest rows need no sort. */
    @Test
    void keepsTheScanOrderThroughAFilter() throws SQLException {
        String sql = "SELECT id, ts FROM events WHERE kind LIKE 'order%' AND ts > TIMESTAMP '2026-01-15 00:00:00'"
                + " ORDER BY ts DESC, id DESC LIMIT 4";
        try (CachedAndUncached ledger = CachedAndUncached.open(dir, 200, 2)) {
            assertThat(SqlRows.plan(ledger.cached, sql)).doesNotContain("Sort");
            assertThat(SqlRows.plan(ledger.uncached, sql)).contains("EnumerableSort");
            assertThat(SqlRows.rows(ledger.cached, sql)).hasSize(4).isEqualTo(SqlRows.rows(ledger.uncached, sql));
        }
    }
}
