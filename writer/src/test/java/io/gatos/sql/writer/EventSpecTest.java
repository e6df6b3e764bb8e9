package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSpecTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ofFillsDefaultsAndWithersChangeOneField() {
        EventSpec e = EventSpec.of("t", "U", "user:a", "{}", T);
        assertThat(e.ts()).isEqualTo(T);
        assertThat(e.policyRoot()).isEqualTo(EventSpec.DEFAULT_POLICY_ROOT).hasSize(40);
        assertThat(e.caps()).isNull();
        assertThat(e.sigAlg()).isNull();
        assertThat(e.useEventTypeField()).isFalse();
        EventSpec changed = e.withCaps(List.of("c")).withSigAlg("ed25519").withEventCid("blake3:x")
                .withEventTypeField(true).withTs(null).withPolicyRoot("p");
        assertThat(changed).isEqualTo(new EventSpec("t", "U", "user:a", List.of("c"), "{}", "p", "ed25519", null, T,
                "blake3:x", true));
    }

    @Test
    void copiesCapsAndRequiresCoreFields() {
        List<String> caps = new ArrayList<>(List.of("a"));
        EventSpec e = EventSpec.of("t", "U", "user:a", "{}", T).withCaps(caps);
        caps.add("b");
        assertThat(e.caps()).containsExactly("a");
        assertThatThrownBy(() -> EventSpec.of(null, "U", "a", "{}", T)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventSpec.of("t", "U", "a", null, T)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventSpec.of("t", "U", "a", "{}", null)).isInstanceOf(NullPointerException.class);
    }
}
