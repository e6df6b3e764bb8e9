package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void eventEnvelopeHasSortedKeysAndVerbatimPayload() {
        EventSpec e = new EventSpec("a.b", "U", "user:\"q\"", List.of("x", "y"), "{ \"z\" : 1 }", "P", "ed25519",
                T, T, null, true);
        assertThat(text(Documents.event(e))).isEqualTo("{\"actor\":\"user:\\\"q\\\"\",\"caps\":[\"x\",\"y\"],"
                + "\"event_type\":\"a.b\",\"payload\":{ \"z\" : 1 },\"policy_root\":\"P\",\"sig_alg\":\"ed25519\","
                + "\"ts\":\"2026-01-01T00:00:00Z\",\"ulid\":\"U\"}");
        EventSpec minimal = EventSpec.of("t", "U", "user:a", "[]", T).withTs(null).withPolicyRoot(null);
        assertThat(text(Documents.event(minimal)))
                .isEqualTo("{\"actor\":\"user:a\",\"payload\":[],\"type\":\"t\",\"ulid\":\"U\"}");
    }

    @Test
    void messageEnvelopeIsCanonical() {
        MessageSpec m = MessageSpec.of("U", "ns", "t", "{\"b\":1.0,\"a\":[]}", T).withRefs(Map.of("z", "1", "a", "2"));
        assertThat(text(Documents.message(m)))
                .isEqualTo("{\"ns\":\"ns\",\"payload\":{\"a\":[],\"b\":1.0},\"refs\":{\"a\":\"2\",\"z\":\"1\"},"
                        + "\"type\":\"t\",\"ulid\":\"U\"}");
        assertThatThrownBy(() -> Documents.message(MessageSpec.of("U", "ns", "t", "{", T)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointLeavesOutNulls() {
        assertThat(text(Documents.checkpoint("c", "u"))).isEqualTo("{\"commit_oid\":\"c\",\"ulid\":\"u\"}");
        assertThat(text(Documents.checkpoint(null, "u"))).isEqualTo("{\"ulid\":\"u\"}");
        assertThat(text(Documents.checkpoint(null, null))).isEqualTo("{}");
    }
}
