package io.gatos.sql.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaneTest {

    @Test
    void namesThePlaneOfEveryPrefix() {
        assertThat(Plane.of("refs/gatos/journal/orders/alice").sqlName()).isEqualTo("journal");
        assertThat(Plane.of("refs/gatos/shiplog/t/head")).isEqualTo(Plane.SHIPLOG);
        assertThat(Plane.of("refs/gatos/messages/t/head")).isEqualTo(Plane.SHIPLOG);
        assertThat(Plane.of("refs/gatos/consumers/g/t")).isEqualTo(Plane.CONSUMER);
        assertThat(Plane.of("refs/gatos/jobs/ab/job")).isEqualTo(Plane.JOB);
        assertThat(Plane.of("refs/gatos/revocations/ab")).isEqualTo(Plane.REVOCATION);
        assertThat(Plane.of("refs/gatos/policies/active")).isEqualTo(Plane.POLICY);
        assertThat(Plane.of("refs/gatos/cache/x")).isEqualTo(Plane.CACHE);
        assertThat(Plane.of("refs/gatos/unknown/x").sqlName()).isEqualTo("other");
    }

    @Test
    void spellsEachPrefixOnce() {
        assertThat(Plane.JOURNAL.prefix()).isEqualTo("refs/gatos/journal/");
        assertThat(Plane.SHIPLOG.prefixes()).containsExactly("refs/gatos/shiplog/", "refs/gatos/messages/");
        assertThat(Plane.SHIPLOG.holds("refs/gatos/messages/t/head")).isTrue();
        assertThat(Plane.STATE.holds("refs/gatos/journal/orders/alice")).isFalse();
        assertThat(Plane.OTHER.prefix()).isEmpty();
        for (Plane plane : Plane.values()) {
            assertThat(plane.prefixes()).allMatch(prefix -> prefix.startsWith(Plane.ROOT) && prefix.endsWith("/"));
        }
    }
}
