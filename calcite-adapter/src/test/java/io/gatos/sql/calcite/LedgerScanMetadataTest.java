package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import io.gatos.sql.ledger.write.SampleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerScanMetadataTest {
    @TempDir
    Path dir;

    /** The cached scan's order survives a filter above it, so the newest rows need no sort. */
    @Test
    void keepsTheScanOrderThroughAFilter() throws SQLException {
        SampleLedger.generate(dir.resolve("l.git"), 200, 2, null);
        String sql = "SELECT id, ts FROM events WHERE kind LIKE 'order%' AND ts > TIMESTAMP '2026-01-15 00:00:00'"
                + " ORDER BY ts DESC, id DESC LIMIT 4";
        try (LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"));
                Connection cached = SqlRows.connect(new GatosSchema(repo, CacheConfig.DEFAULT));
                Connection uncached = SqlRows.connect(new GatosSchema(repo, CacheConfig.OFF))) {
            assertThat(SqlRows.plan(cached, sql)).doesNotContain("Sort");
            assertThat(SqlRows.plan(uncached, sql)).contains("EnumerableSort");
            assertThat(SqlRows.rows(cached, sql)).hasSize(4).isEqualTo(SqlRows.rows(uncached, sql));
        }
    }
}
