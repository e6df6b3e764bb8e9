package io.gatos.sql.ledger.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.Trailers;
import org.junit.jupiter.api.Test;

class SourceTrailersTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void readsBothTrailers() {
        Trailers t = Trailers.parse("order.created\n\nEvent-CID: blake3:x\nSource-Pos: 42\nSource-Commit: " + SHA + "\n");
        assertThat(SourceTrailers.pos(t)).isEqualTo(42L);
        assertThat(SourceTrailers.commit(t)).isEqualTo(SHA);
    }

    @Test
    void absentOrMalformedTrailersAreNull() {
        assertThat(SourceTrailers.pos(Trailers.parse("x\n\nEvent-CID: blake3:x\n"))).isNull();
        assertThat(SourceTrailers.commit(Trailers.parse("x\n\nEvent-CID: blake3:x\n"))).isNull();
        Trailers bad = Trailers.parse("x\n\nSource-Pos: -1\nSource-Commit: " + SHA.toUpperCase() + "\n");
        assertThat(SourceTrailers.pos(bad)).isNull();
        assertThat(SourceTrailers.commit(bad)).isNull();
        assertThat(SourceTrailers.pos(Trailers.parse("x\n\nSource-Pos: 12345678901234567890\n"))).isNull();
    }
}
