package io.gatos.sql.ledger;

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

    @Test
    void rejectsObjectsThatAreNotCommits() {
        assertThatThrownBy(() -> GitCommit.parse("abc", "hello".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("abc");
    }
}
