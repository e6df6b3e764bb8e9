package io.gatos.sql.writer.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.codec.CanonicalJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    @Test
    void everyPayloadIsJsonAndPicksFollowTheWeights() {
        Random rng = new Random(1);
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            SampleCatalog.Namespace ns = SampleCatalog.pick(rng);
            picks.merge(ns.name(), 1, Integer::sum);
            for (String type : ns.types()) {
                String payload = SampleCatalog.payload(type, i, rng);
                assertThat(CanonicalJson.canonicalText(payload)).as(payload).startsWith("{");
            }
        }
        assertThat(picks.get("orders")).isBetween(1400, 1800);
        assertThat(picks.get("identity")).isBetween(250, 550);
    }

    @Test
    void segmentsAreTheActorNames() {
        assertThat(SampleCatalog.segment("user:alice")).isEqualTo("alice");
        assertThat(SampleCatalog.NAMESPACES).extracting(SampleCatalog.Namespace::name)
                .containsExactly("orders", "billing", "inventory", "identity");
    }
}
