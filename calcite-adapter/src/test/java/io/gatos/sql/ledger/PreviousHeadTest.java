package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class PreviousHeadTest {
    private static final ObjectId HEAD = ObjectId.fromString("ab".repeat(20));

    @Test
    void holdsAHeadAndAKnownOrUnknownLength() {
        assertThat(new PreviousHead(HEAD, 3)).extracting(PreviousHead::head, PreviousHead::length)
                .containsExactly(HEAD, 3L);
        assertThat(new PreviousHead(HEAD, PreviousHead.UNKNOWN).length()).isEqualTo(-1);
        assertThat(new PreviousHead(HEAD, 0)).isEqualTo(new PreviousHead(ObjectId.fromString("ab".repeat(20)), 0));
    }

    @Test
    void rejectsAMissingHeadAndLengthsBelowMinusOne() {
        assertThatThrownBy(() -> new PreviousHead(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("head");
        assertThatThrownBy(() -> new PreviousHead(HEAD, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 (unknown)");
    }
}
