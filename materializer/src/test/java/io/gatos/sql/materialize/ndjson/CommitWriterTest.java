package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitWriterTest {
    private static final String SRC = "ab".repeat(20);

    @Test
    void startsATrailerBlockAfterAPlainMessage() {
        assertThat(CommitWriter.withSource("subject\n\nbody\n\n", 3, SRC))
                .isEqualTo("subject\n\nbody\n\nSource-Pos: 3\nSource-Commit: " + SRC + "\n");
        assertThat(CommitWriter.withSource("subject", 0, SRC))
                .isEqualTo("subject\n\nSource-Pos: 0\nSource-Commit: " + SRC + "\n");
    }

    @Test
    void extendsAnExistingTrailerBlock() {
        assertThat(CommitWriter.withSource("subject\n\nGatos-Ulid: x\nSigned-off-by: a <b>\n", 7, SRC))
                .isEqualTo("subject\n\nGatos-Ulid: x\nSigned-off-by: a <b>\nSource-Pos: 7\nSource-Commit: " + SRC + "\n");
    }
}
