package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageSpecTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ofUsesTheShiplogSpellingAndWithersChangeOneField() {
        MessageSpec m = MessageSpec.of("U", "ns", "t", "{}", T);
        assertThat(m.spelling()).isEqualTo(TopicSpelling.SHIPLOG);
        assertThat(m.refs()).isNull();
        assertThat(m.attachments()).isNull();
        assertThat(m.contentIdOverride()).isNull();
        MessageSpec changed = m.withSpelling(TopicSpelling.MESSAGES).withContentIdOverride("blake3:0")
                .withRefs(Map.of("a", "b"));
        assertThat(changed.spelling()).isEqualTo(TopicSpelling.MESSAGES);
        assertThat(changed.contentIdOverride()).isEqualTo("blake3:0");
        assertThat(changed.refs()).containsEntry("a", "b");
    }

    @Test
    void copiesMapsAndRequiresCoreFields() {
        Map<String, String> refs = new HashMap<>(Map.of("a", "b"));
        MessageSpec m = MessageSpec.of("U", "ns", "t", "{}", T).withRefs(refs);
        refs.put("c", "d");
        assertThat(m.refs()).containsOnlyKeys("a");
        assertThatThrownBy(() -> MessageSpec.of("U", "ns", "t", "{}", T).withSpelling(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MessageSpec.of(null, "ns", "t", "{}", T)).isInstanceOf(NullPointerException.class);
    }
}
