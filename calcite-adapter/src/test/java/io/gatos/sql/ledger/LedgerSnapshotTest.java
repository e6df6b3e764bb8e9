package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerSnapshotTest {
    private static final String ALICE = "refs/gatos/journal/orders/alice";
    private static final String BOB = "refs/gatos/journal/orders/bob";

    @TempDir
    Path dir;

    @Test
    void aSnapshotIsUnbasedUntilGivenABase() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            repo.event("orders", "alice", "a", "{}");
            LedgerSnapshot s = repo.snapshot();
            assertThat(s.isBased()).isFalse();
            assertThat(s.base(ALICE)).isNull();
            assertThat(s.baseHeads()).isEmpty();
        }
    }

    @Test
    void withBaseKeepsRefsTimeAndReaderAndCopiesTheBase() {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            ObjectId a1 = repo.event("orders", "alice", "a", "{}");
            ObjectId b1 = repo.event("orders", "bob", "b", "{}");
            repo.event("orders", "alice", "a", "{}");
            LedgerSnapshot s = repo.snapshot();
            Map<String, PreviousHead> base = new HashMap<>(Map.of(ALICE, new PreviousHead(a1, 1),
                    BOB, new PreviousHead(b1, 1), "refs/gatos/audit/x", new PreviousHead(a1, -1)));
            LedgerSnapshot based = s.withBase(base);
            base.clear();

            assertThat(based.refs()).isEqualTo(s.refs());
            assertThat(based.takenAtMillis()).isEqualTo(s.takenAtMillis());
            assertThat(based.isBased()).isTrue();
            assertThat(based.base(ALICE)).isEqualTo(new PreviousHead(a1, 1));
            assertThat(based.base("refs/gatos/journal/orders/carol")).isNull();
            assertThat(based.baseHeads()).containsExactlyInAnyOrder(a1, b1);
            assertThat(s.isBased()).as("the original is untouched").isFalse();
            assertThat(based.withBase(Map.of()).isBased()).isFalse();
            assertThatThrownBy(() -> based.baseHeads().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
