package io.gatos.sql.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TableWriterTest {
    private static final String THREE_ROWS =
            """
            SELECT * FROM (VALUES
              (1, CAST('alpha' AS VARCHAR(20)), CAST(NULL AS BIGINT)),
              (22, CAST('b' AS VARCHAR(20)), CAST(7 AS BIGINT)),
              (3, CAST('a much longer name' AS VARCHAR(20)), CAST(12345 AS BIGINT)))
            AS t("id", "name", "lag")
            """;

    @Test
    void alignsTextLeftAndNumbersRight() throws Exception {
        assertThat(Results.render(new TableWriter(), THREE_ROWS))
                .isEqualTo(
                        """
                         id | name               |   lag
                        ----+--------------------+-------
                          1 | alpha              |  NULL
                         22 | b                  |     7
                          3 | a much longer name | 12345
                        (3 rows)
                        """);
    }

    @Test
    void keepsTheBufferedWidthsForLaterRows() throws Exception {
        assertThat(Results.render(new TableWriter(2), THREE_ROWS))
                .isEqualTo(
                        """
                         id | name  |  lag
                        ----+-------+------
                          1 | alpha | NULL
                         22 | b     |    7
                          3 | a much longer name | 12345
                        (3 rows)
                        """);
    }

    @Test
    void countsOneRowAndNoRows() throws Exception {
        String values = "SELECT * FROM (VALUES (1)) AS t(\"n\")";

        assertThat(Results.render(new TableWriter(), values)).isEqualTo(" n\n---\n 1\n(1 row)\n");
        assertThat(Results.render(new TableWriter(), values + " WHERE \"n\" > 1"))
                .isEqualTo(" n\n---\n(0 rows)\n");
    }

    @Test
    void printsTimestampsInUtcWhateverTheDefaultZone() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        try {
            String sql = "SELECT * FROM (VALUES (TIMESTAMP '2026-01-01 00:00:00')) AS t(\"ts\")";

            assertThat(Results.render(new TableWriter(), sql))
                    .isEqualTo(
                            """
                             ts
                            ----------------------
                             2026-01-01T00:00:00Z
                            (1 row)
                            """);
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void cutsLongCellsWithAnEllipsisAt80Characters() {
        String eighty = "x".repeat(80);

        assertThat(TableWriter.cell(eighty)).isEqualTo(eighty);
        assertThat(TableWriter.cell(eighty + "y")).isEqualTo("x".repeat(79) + "\u2026");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(TableWriter.cell("a\nb\tc\rd\u0001")).isEqualTo("a\\nb\\tc\\rd\\u0001");
    }
}
