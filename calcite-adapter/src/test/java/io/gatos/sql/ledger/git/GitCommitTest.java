package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GitCommitTest {
    private static final String TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final String P1 = "1111111111111111111111111111111111111111";
    private static final String P2 = "2222222222222222222222222222222222222222";

    @Test
    void parsesHeadersAndMessage() {
        String raw = "tree " + TREE + "\nparent " + P1 + "\nparent " + P2
                + "\nauthor Ann <a@x> 1700000000 +0200\ncommitter gatos-ledger <ledger@gatos.local> 1700000001 -0500\n"
                + "gpgsig -----BEGIN-----\n sig\n -----END-----\n\norder.created\n\nEvent-CID: blake3:00\n";
        GitCommit c = GitCommit.parse("abc", raw.getBytes(StandardCharsets.UTF_8));
        assertThat(c.tree()).isEqualTo(TREE);
        assertThat(c.parents()).containsExactly(P1, P2);
        assertThat(c.firstParent()).isEqualTo(P1);
        assertThat(c.author()).isEqualTo("Ann <a@x>");
        assertThat(c.committer()).isEqualTo("gatos-ledger <ledger@gatos.local>");
        assertThat(c.committerMillis()).isEqualTo(1_700_000_001_000L);
        assertThat(c.subject()).isEqualTo("order.created");
        assertThat(c.trailers().first("Event-CID")).isEqualTo("blake3:00");
        assertThat(c.messageWasValidUtf8()).isTrue();
    }

    @Test
    void toleratesNonUtf8Messages() {
        byte[] head = ("tree " + TREE + "\ncommitter c <c@x> 5 +0000\n\nbad ").getBytes(StandardCharsets.UTF_8);
        byte[] raw = java.util.Arrays.copyOf(head, head.length + 1);
        raw[head.length] = (byte) 0xff;
        GitCommit c = GitCommit.parse("abc", raw);
        assertThat(c.messageWasValidUtf8()).isFalse();
        assertThat(c.message()).startsWith("bad ");
        assertThat(c.parents()).isEmpty();
        assertThat(c.author()).isEqualTo("c <c@x>");
    }

    private static GitCommit committedAt(String seconds) {
        String raw = "tree " + TREE + "\ncommitter c <c@x> " + seconds + " +0000\n\nx\n";
        return GitCommit.parse("abc", raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void committerTimesOutsideTheTimestampRangeReadAsTheEpochWithAReason() {
        assertThat(committedAt("9223372036854775807").committerMillis()).isZero();
        assertThat(committedAt("9223372036854775807").timeProblem())
                .isEqualTo("committer time '9223372036854775807' is outside 0001-01-01..9999-12-31");
        assertThat(committedAt("253402300800").timeProblem()).contains("outside"); // 10000-01-01
        assertThat(committedAt("-62135596801").timeProblem()).contains("outside"); // before year 1
        assertThat(committedAt("99999999999999999999").timeProblem()).contains("not a number"); // no long
        assertThat(committedAt("soon").timeProblem())
                .isEqualTo("committer time 'soon' is not a number of seconds since the epoch");
        assertThat(committedAt("soon").committerMillis()).isZero();
    }

    @Test
    void committerTimesInsideTheRangeReadAsWritten() {
        assertThat(committedAt("253402300799").committerMillis()).isEqualTo(253_402_300_799_000L);
        assertThat(committedAt("-1").committerMillis()).isEqualTo(-1000L);
        assertThat(committedAt("-62135596800").timeProblem()).isNull();
        assertThat(committedAt("0").timeProblem()).isNull();
    }

    @Test
    void rejectsObjectsThatAreNotCommits() {
        assertThatThrownBy(() -> GitCommit.parse("abc", "hello".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("abc");
    }
}
