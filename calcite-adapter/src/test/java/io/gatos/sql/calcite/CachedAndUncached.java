package io.gatos.sql.calcite;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens two connections over one sample ledger, one with the row cache on and one with it off, so
 * that a test can compare plans and answers. Close it to close both and the ledger.
 */
final class CachedAndUncached implements AutoCloseable {
    final LedgerRepository repo;
    final Connection cached;
    final Connection uncached;

    private CachedAndUncached(LedgerRepository repo, Connection cached, Connection uncached) {
        this.repo = repo;
        this.cached = cached;
        this.uncached = uncached;
    }

    /** Writes a sample ledger of {@code events} events ({@code seed}) under {@code dir} and connects twice. */
    static CachedAndUncached open(Path dir, int events, long seed) throws SQLException {
        SampleLedger.generate(dir.resolve("l.git"), events, seed, null);
        LedgerRepository repo = LedgerRepository.open(dir.resolve("l.git"));
        return new CachedAndUncached(repo, SqlRows.connect(new GatosSchema(repo, CacheConfig.DEFAULT)),
                SqlRows.connect(new GatosSchema(repo, CacheConfig.OFF)));
    }

    @Override
    public void close() throws SQLException {
        try {
            cached.close();
            uncached.close();
        } finally {
            repo.close();
        }
    }
}
