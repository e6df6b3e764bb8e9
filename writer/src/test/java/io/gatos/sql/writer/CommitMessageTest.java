package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitMessageTest {

    @Test
    void formatsSubjectBlankLineAndTrailersInOrder() {
        String message = CommitMessage.of("order.created",
                CommitMessage.trailers("Event-CID", "blake3:ab", "Sig-Alg", "ed25519", "Sig", "ed25519:cd"));
        assertThat(message).isEqualTo("order.created\n\nEvent-CID: blake3:ab\nSig-Alg: ed25519\nSig: ed25519:cd\n");
    }

    @Test
    void skipsNullValuesAndOmitsTheBlankLineWithoutTrailers() {
        assertThat(CommitMessage.of("audit", Map.of())).isEqualTo("audit\n");
        assertThat(CommitMessage.of("x", CommitMessage.trailers("A", null, "B", "2"))).isEqualTo("x\n\nB: 2\n");
        assertThat(CommitMessage.of("x", CommitMessage.trailers("A", null))).isEqualTo("x\n");
    }

    @Test
    void trailersKeepOrderAndRejectOddArguments() {
        assertThat(CommitMessage.trailers("Z", "1", "A", "2").keySet()).containsExactly("Z", "A");
        assertThatThrownBy(() -> CommitMessage.trailers("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitMessage.trailers("A", "1").put("B", "2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
