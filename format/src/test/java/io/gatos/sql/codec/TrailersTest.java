package io.gatos.sql.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrailersTest {

    @Test
    void readsTheLastParagraph() {
        Trailers t = Trailers.parse("order.created\n\nbody text\n\nEvent-CID: blake3:ab\nSig-Alg: ed25519\n");
        assertThat(t.first("Event-CID")).isEqualTo("blake3:ab");
        assertThat(t.first("sig-alg")).isEqualTo("ed25519");
        assertThat(t.toJson()).isEqualTo("{\"Event-CID\":\"blake3:ab\",\"Sig-Alg\":\"ed25519\"}");
    }

    @Test
    void repeatedKeysBecomeArraysAndContinuationLinesJoin() {
        Trailers t = Trailers.parse("subject\n\nSigner: a\nSigner: b\nReason: long\n  reason\n");
        assertThat(t.toJson()).isEqualTo("{\"Reason\":\"long reason\",\"Signer\":[\"a\",\"b\"]}");
    }

    @Test
    void aLastParagraphWithProseHasNoTrailers() {
        assertThat(Trailers.parse("subject\n\nKey: v\nnot a trailer\n").entries()).isEmpty();
        assertThat(Trailers.parse("Key: subject only").entries()).isEmpty();
        assertThat(Trailers.parse("").toJson()).isEqualTo("{}");
    }

    @Test
    void aSubjectFollowedDirectlyByTrailersStillHasThem() {
        Trailers t = Trailers.parse("message\nEvent-Id: ulid:01J\nContent-Id: blake3:00\n");
        assertThat(t.first("Content-Id")).isEqualTo("blake3:00");
    }
}
