package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class BaseTest {
    private static final ObjectId HEAD = ObjectId.fromString("ab".repeat(20));

    @Test
    void holdsAHeadAndAKnownOrUnknownLength() {
        assertThat(new Base(HEAD, 3)).extracting(Base::head, Base::length).containsExactly(HEAD, 3L);
        assertThat(new Base(HEAD, Base.UNKNOWN).length()).isEqualTo(-1);
        assertThat(new Base(HEAD, 0)).isEqualTo(new Base(ObjectId.fromString("ab".repeat(20)), 0));
    }

    @Test
    void rejectsAMissingHeadAndLengthsBelowMinusOne() {
        assertThatThrownBy(() -> new Base(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("head");
        assertThatThrownBy(() -> new Base(HEAD, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 (unknown)");
    }
}
