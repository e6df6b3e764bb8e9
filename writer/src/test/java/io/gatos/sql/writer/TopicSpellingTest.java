package io.gatos.sql.writer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicSpellingTest {

    @Test
    void namesBothRefSpellings() {
        assertThat(TopicSpelling.SHIPLOG.refName("billing")).isEqualTo("refs/gatos/shiplog/billing/head");
        assertThat(TopicSpelling.MESSAGES.refName("billing")).isEqualTo("refs/gatos/messages/billing/head");
    }
}
