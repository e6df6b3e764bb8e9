package io.gatos.sql.cli;

import io.gatos.sql.testing.LedgerTestRepository;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Gives a test a fresh {@link TestLedgers#orders} ledger at {@code temp/ledger.git}, written before
 * each test (and before the subclass's own {@code @BeforeEach}) and closed after it.
 */
abstract class OrdersLedgerTest {
    @TempDir Path temp;
    LedgerTestRepository ledger;

    @BeforeEach
    final void writeLedger() {
        ledger = TestLedgers.orders(temp.resolve("ledger.git"));
    }

    @AfterEach
    final void closeLedger() {
        ledger.close();
    }

    /** Flushes the ledger and returns its path, for {@code --repo}. */
    final String repo() {
        return ledger.path().toString();
    }
}
