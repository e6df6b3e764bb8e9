package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.layout.Plane;
import io.gatos.sql.ledger.scan.EventScan;
import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void opensBareAndNonBareRepositoriesByAnyOfTheirPaths() {
        try (LedgerTestRepository bare = LedgerTestRepository.create(dir.resolve("bare.git"));
                LedgerTestRepository work = LedgerTestRepository.createNonBare(dir.resolve("work"))) {
            bare.event("orders", "alice", "order.created", "{}");
            work.event("orders", "alice", "order.created", "{}");
            for (Path path : new Path[] {bare.path(), dir.resolve("work"), dir.resolve("work/.git")}) {
                try (LedgerRepository repo = LedgerRepository.open(path)) {
                    assertThat(repo.snapshot().refsUnder(Plane.JOURNAL.prefix())).containsOnlyKeys(
                            "refs/gatos/journal/orders/alice");
                }
            }
        }
    }

    @Test
    void namesWhatIsWrongWithAPath() throws Exception {
        assertThatThrownBy(() -> LedgerRepository.open(dir.resolve("nope")))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.code()).isEqualTo(
                        LedgerException.Code.NOT_FOUND)).hasMessageContaining("nope").hasMessageContaining("does not exist");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> LedgerRepository.open(plain)).isInstanceOfSatisfying(LedgerException.class,
                e -> assertThat(e.code()).isEqualTo(LedgerException.Code.NOT_A_REPOSITORY));
        Git.init().setDirectory(dir.resolve("empty").toFile()).call().close();
        assertThatThrownBy(() -> LedgerRepository.open(dir.resolve("empty"))).isInstanceOfSatisfying(
                LedgerException.class, e -> assertThat(e.code()).isEqualTo(LedgerException.Code.NOT_GATOS))
                .hasMessageContaining("gatos generate");
        try (LedgerRepository git = LedgerRepository.openGit(dir.resolve("empty"))) {
            assertThat(git.snapshot().refs()).isEmpty();
        }
    }

    @Test
    void aSnapshotDoesNotMoveWithTheRefs() {
        try (LedgerTestRepository t = LedgerTestRepository.create(dir.resolve("l.git"))) {
            t.event("orders", "alice", "order.created", "{}");
            try (LedgerRepository repo = LedgerRepository.open(t.path())) {
                LedgerSnapshot before = repo.snapshot();
                t.event("orders", "alice", "order.paid", "{}");
                t.event("billing", "bob", "invoice.sent", "{}");
                try (var events = EventScan.stream(before, EventQuery.all(), f -> { })) {
                    assertThat(events.map(LedgerEvent::kind).toList()).containsExactly("order.created");
                }
                assertThat(repo.snapshot().refsUnder(Plane.JOURNAL.prefix())).hasSize(2);
            }
        }
    }
}
