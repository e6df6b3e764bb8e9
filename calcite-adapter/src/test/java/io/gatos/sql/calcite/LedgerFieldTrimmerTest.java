package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFieldTrimmerTest {
    @TempDir
    Path dir;

    @Test
    void readsNoColumnForACountAndOnlyKeysAndSelectedColumnsForAJoin() throws SQLException {
        SampleLedger.generate(dir.resolve("l.git"), 50, 1, null);
        try (LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"));
                Connection c = SqlRows.connect(new GatosSchema(repo, CacheConfig.OFF))) {
            assertThat(SqlRows.plan(c, "SELECT COUNT(*) FROM events"))
                    .contains("EnumerableLedgerScan(table=[[gatos, events]], fields=[[]])");
            assertThat(SqlRows.rows(c, "SELECT COUNT(*) FROM events")).containsExactly(java.util.List.of("50"));
            String join = SqlRows.plan(c, "SELECT e.kind, c.author FROM events e JOIN commits c ON e.commit_id = c.id");
            assertThat(join).contains("EnumerableLedgerScan(table=[[gatos, events]], fields=[[kind, commit_id]])")
                    .contains("EnumerableLedgerScan(table=[[gatos, commits]], fields=[[id, author]])");
            assertThat(SqlRows.plan(c, "SELECT COUNT(*) FROM events WHERE ts > TIMESTAMP '2026-02-01 00:00:00'"))
                    .contains("fields=[[ts]]");
        }
    }

    @Test
    void aCountOrACountByHeaderColumnsReadsNoEnvelope() throws SQLException {
        SampleLedger.generate(dir.resolve("l.git"), 50, 1, null);
        try (LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"));
                Connection c = SqlRows.connect(new GatosSchema(repo, CacheConfig.OFF))) {
            for (String sql : java.util.List.of("SELECT COUNT(*) FROM events",
                    "SELECT ns, COUNT(*) FROM events GROUP BY ns",
                    "SELECT stream, MAX(pos) FROM events GROUP BY stream",
                    "SELECT COUNT(*) FROM events WHERE commit_id = '0000000000000000000000000000000000000000'")) {
                long before = repo.stats().blobs();
                assertThat(SqlRows.rows(c, sql)).as(sql).isNotEmpty();
                assertThat(repo.stats().blobs() - before).as(sql + ": envelope blobs read").isZero();
            }
            long before = repo.stats().blobs();
            SqlRows.rows(c, "SELECT COUNT(payload) FROM events");
            assertThat(repo.stats().blobs() - before).as("an envelope column reads every envelope").isEqualTo(50);
        }
    }
}
