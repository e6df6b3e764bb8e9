package io.gatos.sql.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JournalTest {

    @Test
    void namesTheJournalOfARefOfExactlyTwoSegments() {
        Journal j = Journal.ofRef("refs/gatos/journal/orders/alice");
        assertThat(j).isEqualTo(new Journal("refs/gatos/journal/orders/alice", "orders", "alice"));
        assertThat(j.stream()).isEqualTo("orders/alice");
        assertThat(Journal.ofRef("refs/gatos/journal/flat")).isNull();
        assertThat(Journal.ofRef("refs/gatos/journal/a/b/c")).isNull();
        assertThat(Journal.ofRef("refs/gatos/state/orders")).isNull();
    }
}
