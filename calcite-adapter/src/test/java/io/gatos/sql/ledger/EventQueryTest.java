package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    @Test
    void theColumnsAskedForDecideEnvelopesAndPositions() {
        assertThat(EventQuery.forColumns(List.of("ns", "stream", "commit_id")).envelopes()).isFalse();
        assertThat(EventQuery.forColumns(List.of("ns", "stream", "commit_id")).positions()).isFalse();
        assertThat(EventQuery.forColumns(List.of("ns", "payload")).envelopes()).isTrue();
        assertThat(EventQuery.forColumns(List.of("pos")).positions()).isTrue();
        assertThat(EventQuery.forColumns(List.of())).isEqualTo(EventQuery.headersOnly());
        for (String column : EventQuery.ENVELOPE_COLUMNS) {
            assertThat(EventQuery.forColumns(List.of(column)).envelopes()).as(column).isTrue();
        }
    }

    @Test
    void restrictionsOnlyTheEnvelopeKnowsReadEnvelopes() {
        EventQuery headers = EventQuery.headersOnly();
        assertThat(headers.withIds(Set.of("X")).envelopes()).isTrue();
        assertThat(headers.withRange(new KeyRange(1L, null, null, null)).envelopes()).isTrue();
        assertThat(headers.withNewestFirst(true).envelopes()).isTrue();
        assertThat(headers.withNamespaces(Set.of("orders")).withCommitIds(Set.of("a")).envelopes()).isFalse();
    }

    @Test
    void admitsJournalsByNamespaceStreamAndCommits() {
        Journal alice = new Journal("refs/gatos/journal/orders/alice", "orders", "alice");
        assertThat(EventQuery.all().admits(alice)).isTrue();
        assertThat(EventQuery.all().withNamespaces(Set.of("billing")).admits(alice)).isFalse();
        assertThat(EventQuery.all().withStreams(Set.of("orders/alice")).admits(alice)).isTrue();
        assertThat(EventQuery.all().withStreams(Set.of("orders/bob")).admits(alice)).isFalse();
        assertThat(EventQuery.all().withCommitIds(Set.of()).admits(alice)).isFalse();
    }

    @Test
    void narrowingKeepsEverythingElse() {
        EventQuery q = EventQuery.all().withNamespaces(Set.of("orders")).withPositions(false);
        assertThat(q.withStreams(Set.of("orders/alice")).namespaces()).containsExactly("orders");
        assertThat(q.withStreams(Set.of("orders/alice")).positions()).isFalse();
        assertThat(q.range()).isEqualTo(KeyRange.ALL);
        assertThat(q).isEqualTo(EventQuery.all().withPositions(false).withNamespaces(Set.of("orders")));
        assertThat(q).isNotEqualTo(EventQuery.all());
    }
}
