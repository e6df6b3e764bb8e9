package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordModeTest {
    static final CorpusCase UNRECORDED = new CorpusCase("a.test", 1, CorpusCase.Kind.QUERY, "SELECT 1", List.of(), 2, 2);
    static final CorpusCase RECORDED = UNRECORDED.withExpected(List.of("one INTEGER", "1"));
    static final Outcome ROWS = new Outcome(false, List.of("one INTEGER", "2"));
    static final Outcome ERROR = new Outcome(true, List.of("Object 'nope' not found"));

    @Test
    void readsThePropertyValue() {
        assertThat(RecordMode.of(null)).isEqualTo(RecordMode.NONE);
        assertThat(RecordMode.of(" ")).isEqualTo(RecordMode.NONE);
        assertThat(RecordMode.of("true")).isEqualTo(RecordMode.NEW);
        assertThat(RecordMode.of("NEW")).isEqualTo(RecordMode.NEW);
        assertThat(RecordMode.of("all")).isEqualTo(RecordMode.ALL);
        assertThatThrownBy(() -> RecordMode.of("yes")).hasMessage("corpus.record must be new or all, not 'yes'");
    }

    @Test
    void writesNewBlocksOrEveryBlockButNeverChangesTheKind() {
        assertThat(RecordMode.NONE.rewrites(UNRECORDED, ROWS)).isFalse();
        assertThat(RecordMode.NEW.rewrites(UNRECORDED, ROWS)).isTrue();
        assertThat(RecordMode.NEW.rewrites(RECORDED, ROWS)).isFalse();
        assertThat(RecordMode.ALL.rewrites(RECORDED, ROWS)).isTrue();
        assertThat(RecordMode.ALL.rewrites(RECORDED, ERROR)).as("a query that fails keeps its block").isFalse();
        CorpusCase error = new CorpusCase("a.test", 5, CorpusCase.Kind.ERROR, "SELECT * FROM nope", List.of(), 6, 6);
        assertThat(RecordMode.NEW.rewrites(error, ERROR)).isTrue();
        assertThat(RecordMode.NEW.rewrites(error, ROWS)).as("an error case that returns rows keeps its block").isFalse();
    }

    @Test
    void neverRewritesAKnownWrongBlock() {
        CorpusCase known = new CorpusCase("a.test", 9, CorpusCase.Kind.KNOWN_WRONG, "SELECT 1", List.of(), 10, 10);
        assertThat(RecordMode.NEW.rewrites(known, ROWS)).isFalse();
        assertThat(RecordMode.ALL.rewrites(known.withExpected(List.of("one INTEGER", "1")), ROWS)).isFalse();
    }
}
