package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterOptionsTest {

    @Test
    void factoriesAndCopies() {
        assertThat(WriterOptions.packed().mode()).isEqualTo(WriteMode.PACKED);
        assertThat(WriterOptions.loose().mode()).isEqualTo(WriteMode.LOOSE);
        assertThat(WriterOptions.packed().name()).isEqualTo("gatos-ledger");
        assertThat(WriterOptions.packed().email()).isEqualTo("ledger@gatos.local");
        WriterOptions o = WriterOptions.packed().withFlushEvery(10).withIdentity("n", "e@x");
        assertThat(o).isEqualTo(new WriterOptions(WriteMode.PACKED, 10, "n", "e@x"));
        assertThatThrownBy(() -> WriterOptions.packed().withFlushEvery(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityIsWrittenIntoCommits(@TempDir Path tmp) throws Exception {
        try (LedgerWriter w = LedgerWriter.create(tmp, true, WriterOptions.loose().withIdentity("bot", "bot@x"))) {
            ObjectId id = w.audit("a", "m\n", Instant.parse("2026-01-01T00:00:00Z"));
            try (RevWalk walk = new RevWalk(w.repository())) {
                assertThat(walk.parseCommit(id).getAuthorIdent().getName()).isEqualTo("bot");
            }
        }
    }
}
