package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTokensTest implements GatosSqlParserImplConstants {
    /** Returns "KIND image line:column-column" for each token of {@code sql} up to the end. */
    private static List<String> tokens(DialectTokens tokens) {
        List<String> out = new ArrayList<>();
        for (Token t = tokens.getNextToken(); t.kind != EOF; t = tokens.getNextToken()) {
            out.add(tokenImage[t.kind].replace("\"", "") + " " + t.image + " " + t.beginLine + ":" + t.beginColumn
                    + "-" + t.endColumn);
        }
        return out;
    }

    private static DialectTokens over(String sql) {
        return new DialectTokens(new SimpleCharStream(new StringReader(sql), 1, 1));
    }

    @Test
    void handsStreamOnAsAName() {
        assertThat(tokens(over("SELECT Stream FROM events"))).containsExactly("SELECT SELECT 1:1-6",
                "<IDENTIFIER> Stream 1:8-13", "FROM FROM 1:15-18", "<IDENTIFIER> events 1:20-25");
    }

    @Test
    void splitsAPostgresIntervalStringIntoCountAndUnitAtTheStringsPosition() {
        assertThat(tokens(over("INTERVAL '7 days' + INTERVAL -'1 Hour'"))).containsExactly(
                "INTERVAL INTERVAL 1:1-8", "<QUOTED_STRING> '7' 1:10-17", "DAY DAY 1:10-17", "+ + 1:19-19",
                "INTERVAL INTERVAL 1:21-28", "- - 1:30-30", "<QUOTED_STRING> '1' 1:31-38", "HOUR HOUR 1:31-38");
    }

    @Test
    void leavesStringsWithAUnitAfterThemAndOtherStringsAlone() {
        assertThat(tokens(over("INTERVAL '7 days' DAY, '7 days'"))).containsExactly("INTERVAL INTERVAL 1:1-8",
                "<QUOTED_STRING> '7 days' 1:10-17", "DAY DAY 1:19-21", ", , 1:22-22", "<QUOTED_STRING> '7 days' 1:24-31");
        DialectTokens tokens = over("INTERVAL '1 day 2 hours' FROM");
        assertThat(tokens(tokens)).containsExactly("INTERVAL INTERVAL 1:1-8",
                "<QUOTED_STRING> '1 day 2 hours' 1:10-24", "FROM FROM 1:26-29");
        assertThat(tokens.unitlessInterval().image).isEqualTo("'1 day 2 hours'");
        assertThat(tokens.first().image).isEqualTo("INTERVAL");
    }

    @Test
    void forgetsWhatItRememberedWhenReinitialized() {
        DialectTokens tokens = over("INTERVAL 'x'");
        tokens(tokens);
        tokens.ReInit(new SimpleCharStream(new StringReader("SELECT 1"), 1, 1));
        assertThat(tokens.unitlessInterval()).isNull();
        assertThat(tokens(tokens)).containsExactly("SELECT SELECT 1:1-6", "<UNSIGNED_INTEGER_LITERAL> 1 1:8-8");
        assertThat(tokens.first().image).isEqualTo("SELECT");
    }
}
