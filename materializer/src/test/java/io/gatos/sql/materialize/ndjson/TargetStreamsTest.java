package io.gatos.sql.materialize.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetStreamsTest {
    @Test
    void spellsTopicRefsTheOtherWayAndJournalRefsNotAtAll() {
        assertThat(TargetStreams.otherSpelling("refs/gatos/shiplog/a/b/head")).isEqualTo("refs/gatos/messages/a/b/head");
        assertThat(TargetStreams.otherSpelling("refs/gatos/messages/t/head")).isEqualTo("refs/gatos/shiplog/t/head");
        assertThat(TargetStreams.otherSpelling("refs/gatos/journal/ns/actor")).isNull();
    }
}
