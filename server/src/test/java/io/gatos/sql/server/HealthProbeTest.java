package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthProbeTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheRefCountWhileTheRepositoryIsReadable() {
        try (LedgerTestRepository ledger = ServerFixture.knownLedger(dir.resolve("ledger.git"));
                LedgerRepository repo = LedgerRepository.open(ledger.path())) {
            HealthProbe.Status status = new HealthProbe(repo).probe(2);
            assertThat(status.ok()).isTrue();
            assertThat(status.json()).isEqualTo("{\"status\":\"ok\",\"refs\":" + repo.snapshot().refs().size()
                    + ",\"in_flight\":2}\n");
        }
    }

    @Test
    void stoppingIsUnhealthyAndMessagesAreQuotedAsJson() {
        assertThat(HealthProbe.Status.stopping().ok()).isFalse();
        assertThat(HealthProbe.quote("a \"b\"\n\\")).isEqualTo("\"a \\\"b\\\"\\n\\\\\"");
    }
}
