package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.LedgerSnapshot;
import io.gatos.sql.ledger.PreviousHead;
import io.gatos.sql.testing.LedgerTestRepository;
import io.gatos.sql.writer.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberedWalkTest {
    private static final String REF = "refs/gatos/journal/orders/alice";

    @TempDir
    Path dir;

    /** Drains a walk of {@code s} into "position:commit id" strings and counts its commit reads. */
    private static List<String> numbered(LedgerRepository reader, LedgerSnapshot s, boolean positions,
            long[] reads) throws IOException {
        List<String> out = new ArrayList<>();
        try (GitObjects objects = s.openObjects()) {
            long before = reader.stats().commits();
            NumberedWalk walk = new NumberedWalk(objects, s, REF, null, positions, f -> { });
            GitCommit c;
            while ((c = walk.next()) != null) {
                out.add(walk.pos() + ":" + c.id());
            }
            reads[0] = reader.stats().commits() - before;
        }
        return out;
    }

    private static List<ObjectId> events(LedgerTestRepository repo, int n) {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(repo.event("orders", "alice", "e", "{\"i\":" + i + "}"));
        }
        return ids;
    }

    @Test
    void unbasedItNumbersTheWholeChainWithOneExtraHeaderWalk() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<ObjectId> ids = events(repo, 3);
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                long[] reads = {0};
                assertThat(numbered(reader, reader.snapshot(), true, reads))
                        .containsExactly("2:" + ids.get(2).name(), "1:" + ids.get(1).name(), "0:" + ids.get(0).name());
                assertThat(reads[0]).isEqualTo(6);
                assertThat(numbered(reader, reader.snapshot(), false, reads)).containsExactly(
                        "-1:" + ids.get(2).name(), "-1:" + ids.get(1).name(), "-1:" + ids.get(0).name());
                assertThat(reads[0]).isEqualTo(3);
            }
        }
    }

    @Test
    void basedItNumbersTheNewCommitsAbsolutelyInOnePass() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<ObjectId> ids = events(repo, 5);
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                long[] reads = {0};
                LedgerSnapshot known = reader.snapshot().withBase(Map.of(REF, new PreviousHead(ids.get(2), 3)));
                assertThat(numbered(reader, known, true, reads))
                        .containsExactly("4:" + ids.get(4).name(), "3:" + ids.get(3).name());
                assertThat(reads[0]).isEqualTo(2);

                LedgerSnapshot unknown = reader.snapshot().withBase(Map.of(REF, new PreviousHead(ids.get(2), -1)));
                assertThat(numbered(reader, unknown, true, reads))
                        .containsExactly("4:" + ids.get(4).name(), "3:" + ids.get(3).name());
                assertThat(reads[0]).as("the old chain is counted once").isEqualTo(5);

                LedgerSnapshot unmoved = reader.snapshot().withBase(Map.of(REF, new PreviousHead(ids.get(4), 5)));
                assertThat(numbered(reader, unmoved, true, reads)).isEmpty();
                assertThat(reads[0]).isZero();
            }
        }
    }

    @Test
    void aBaseOffTheChainReadsAndNumbersTheWholeChain() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"))) {
            List<ObjectId> ids = events(repo, 2);
            ObjectId elsewhere = repo.event("orders", "bob", "x", "{}");
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                long[] reads = {0};
                LedgerSnapshot s = reader.snapshot().withBase(Map.of(REF, new PreviousHead(elsewhere, 7)));
                assertThat(numbered(reader, s, true, reads))
                        .containsExactly("1:" + ids.get(1).name(), "0:" + ids.get(0).name());
                assertThat(reads[0]).isEqualTo(2);
            }
        }
    }

    @Test
    void moreNewCommitsThanThePrefetchAreNumberedWithAnExtraWalk() throws IOException {
        try (LedgerTestRepository repo = LedgerTestRepository.create(dir.resolve("r"), true, WriterOptions.packed())) {
            int added = NumberedWalk.PREFETCH + 2;
            List<ObjectId> ids = events(repo, added + 1);
            try (LedgerRepository reader = LedgerRepository.open(repo.path())) {
                long[] reads = {0};
                LedgerSnapshot s = reader.snapshot().withBase(Map.of(REF, new PreviousHead(ids.get(0), 1)));
                List<String> rows = numbered(reader, s, true, reads);
                assertThat(rows).hasSize(added);
                assertThat(rows.get(0)).isEqualTo(added + ":" + ids.get(added).name());
                assertThat(rows.get(added - 1)).isEqualTo("1:" + ids.get(1).name());
                assertThat(reads[0]).isEqualTo(2L * added);
            }
        }
    }
}
