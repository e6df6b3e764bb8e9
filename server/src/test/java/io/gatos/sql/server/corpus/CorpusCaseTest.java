package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusCaseTest {
    @Test
    void namesTheKindOfAHeaderIgnoringExtraSpaces() {
        assertThat(CorpusCase.Kind.ofHeader("query")).isEqualTo(CorpusCase.Kind.QUERY);
        assertThat(CorpusCase.Kind.ofHeader(" query  rowsort ")).isEqualTo(CorpusCase.Kind.QUERY_ROWSORT);
        assertThat(CorpusCase.Kind.ofHeader("error")).isEqualTo(CorpusCase.Kind.ERROR);
        assertThat(CorpusCase.Kind.ofHeader("statement ok")).isNull();
        assertThat(CorpusCase.Kind.QUERY_ROWSORT.header()).isEqualTo("query rowsort");
    }

    @Test
    void replacesItsBlockAndKeepsWhereItIs() {
        CorpusCase c = new CorpusCase("a.test", 7, CorpusCase.Kind.QUERY, "SELECT 1", List.of(), 8, 8);

        CorpusCase recorded = c.withExpected(List.of("EXPR$0 INTEGER", "1"));

        assertThat(recorded.expected()).containsExactly("EXPR$0 INTEGER", "1");
        assertThat(recorded.where()).isEqualTo("a.test:7");
        assertThat(recorded.bodyFrom()).isEqualTo(8);
        assertThat(c.expected()).isEmpty();
    }
}
