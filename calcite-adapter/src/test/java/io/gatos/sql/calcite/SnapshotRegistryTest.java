package io.gatos.sql.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.exec.StubDataContext;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import org.apache.calcite.DataContext;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRegistryTest {
    private static final String REF = "refs/gatos/journal/orders/alice";

    @TempDir
    Path dir;

    @Test
    void oneExecutionSeesOneSnapshotAndTheNextSeesTheMovedRef() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId first = repo.event("orders", "alice", "a", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                SnapshotRegistry registry = new SnapshotRegistry(reader::snapshot);
                DataContext one = new StubDataContext();
                LedgerSnapshot s1 = registry.forExecution(one);
                assertThat(s1.head(REF)).isEqualTo(first);

                ObjectId second = repo.event("orders", "alice", "b", "{}");
                repo.path();
                LedgerSnapshot again = registry.forExecution(one);
                assertThat(again).isSameAs(s1);
                assertThat(again.head(REF)).isEqualTo(first);

                DataContext two = new StubDataContext();
                LedgerSnapshot s2 = registry.forExecution(two);
                assertThat(s2).isNotSameAs(s1);
                assertThat(s2.head(REF)).isEqualTo(second);
                assertThat(registry.forExecution(two)).isSameAs(s2);
                assertThat(registry.forExecution(one)).isSameAs(s1);
            }
        }
    }
}
