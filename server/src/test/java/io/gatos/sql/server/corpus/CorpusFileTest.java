package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFileTest {
    static final List<String> TEXT = List.of(
            "# a corpus file",
            "",
            "# first case",
            "query",
            "SELECT ns, COUNT(*) AS n",
            "FROM events GROUP BY ns ORDER BY ns",
            "----",
            "ns VARCHAR|n BIGINT",
            "billing|2",
            "",
            "query   rowsort",
            "SELECT kind FROM events",
            "----",
            "kind VARCHAR",
            "",
            "error",
            "SELECT * FROM nope;",
            "",
            "query",
            "SELECT 1 AS one");

    @TempDir
    Path dir;

    @Test
    void readsEveryCaseWithItsKindSqlBlockAndLine() {
        CorpusFile file = CorpusFile.parse("a.test", TEXT);

        assertThat(file.cases()).extracting(CorpusCase::line).containsExactly(4, 11, 16, 19);
        assertThat(file.cases()).extracting(CorpusCase::kind).containsExactly(CorpusCase.Kind.QUERY,
                CorpusCase.Kind.QUERY_ROWSORT, CorpusCase.Kind.ERROR, CorpusCase.Kind.QUERY);
        CorpusCase first = file.cases().get(0);
        assertThat(first.sql()).isEqualTo("SELECT ns, COUNT(*) AS n\nFROM events GROUP BY ns ORDER BY ns");
        assertThat(first.expected()).containsExactly("ns VARCHAR|n BIGINT", "billing|2");
        assertThat(first.where()).isEqualTo("a.test:4");
        assertThat(file.cases().get(2).sql()).as("a trailing semicolon is kept").isEqualTo("SELECT * FROM nope;");
        assertThat(file.cases().get(2).expected()).as("a case without ---- has nothing recorded").isEmpty();
        assertThat(file.cases().get(3).expected()).as("the end of the file ends the last case").isEmpty();
    }

    @Test
    void rejectsALineThatIsNoHeaderNamingFileAndLine() {
        assertThatThrownBy(() -> CorpusFile.parse("b.test", List.of("# c", "select 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("b.test:2: expected a case header (query, query rowsort or error), found: select 1");
        assertThatThrownBy(() -> CorpusFile.parse("b.test", List.of("query", "----", "x")))
                .hasMessage("b.test:1: the case has no SQL after its header");
    }

    @Test
    void replacesOnlyTheRecordedBlocksAndAddsTheSeparatorWhereMissing() {
        CorpusFile file = CorpusFile.parse("a.test", TEXT);
        List<CorpusCase> cases = file.cases();

        List<String> out = file.withExpected(Map.of(
                cases.get(0), List.of("ns VARCHAR|n BIGINT", "billing|3", "orders|1"),
                cases.get(2), List.of("From line 1, column 15 to line 1, column 18: Object 'nope' not found"),
                cases.get(3), List.of("one INTEGER", "1")));

        assertThat(out).containsExactly(
                "# a corpus file", "", "# first case", "query", "SELECT ns, COUNT(*) AS n",
                "FROM events GROUP BY ns ORDER BY ns", "----", "ns VARCHAR|n BIGINT", "billing|3", "orders|1", "",
                "query   rowsort", "SELECT kind FROM events", "----", "kind VARCHAR", "",
                "error", "SELECT * FROM nope;", "----",
                "From line 1, column 15 to line 1, column 18: Object 'nope' not found", "",
                "query", "SELECT 1 AS one", "----", "one INTEGER", "1");
        assertThat(CorpusFile.parse("a.test", out).cases()).hasSize(4);
    }

    @Test
    void keepsTheFileAsItWasWhenNothingIsRecorded() {
        assertThat(CorpusFile.parse("a.test", TEXT).withExpected(Map.of())).isEqualTo(TEXT);
    }

    @Test
    void writesAndReadsUtf8WithATrailingNewline() throws Exception {
        Path path = dir.resolve("u.test");
        CorpusFile.write(path, List.of("query", "SELECT 'Zoë' AS name", "----", "name CHAR", "Zoë"));

        assertThat(Files.readString(path)).endsWith("Zoë\n");
        CorpusFile read = CorpusFile.read(path);
        assertThat(read.name()).isEqualTo("u.test");
        assertThat(read.cases()).singleElement().satisfies(c -> assertThat(c.expected()).containsExactly("name CHAR", "Zoë"));
    }
}
