package io.gatos.sql.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    private TimeZone savedZone;

    @BeforeEach
    void newYork() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    @Test
    void quotesOnlyWhenNeededAndPrintsNullAsAnEmptyField() throws Exception {
        String sql =
                """
                SELECT * FROM (VALUES (1, 'plain', 'a,b', 'say "hi"', U&'two\\000alines',
                                       U&'cr\\000d', '', CAST(NULL AS VARCHAR(3))))
                AS t("id", "plain", "comma", "quote", "lf", "cr", "empty", "missing")
                """;

        assertThat(Results.render(new CsvWriter(), sql))
                .isEqualTo(
                        "id,plain,comma,quote,lf,cr,empty,missing\r\n"
                                + "1,plain,\"a,b\",\"say \"\"hi\"\"\",\"two\n"
                                + "lines\",\"cr\r"
                                + "\",\"\",\r\n");
    }

    @Test
    void printsTypedValuesAndTimestampsInUtc() throws Exception {
        String sql =
                """
                SELECT * FROM (VALUES (TIMESTAMP '2026-01-01 00:00:00', TRUE,
                    CAST(1.50 AS DECIMAL(5, 2)), CAST(12345678901 AS BIGINT), DATE '2026-03-04'))
                AS t("ts", "flag", "amount", "big", "day")
                """;

        assertThat(Results.render(new CsvWriter(), sql))
                .isEqualTo(
                        "ts,flag,amount,big,day\r\n"
                                + "2026-01-01T00:00:00Z,true,1.50,12345678901,2026-03-04\r\n");
    }

    @Test
    void printsOnlyTheHeaderForAnEmptyResult() throws Exception {
        String sql = "SELECT * FROM (VALUES (1, 'a')) AS t(\"n\", \"s\") WHERE \"n\" > 1";

        assertThat(Results.render(new CsvWriter(), sql)).isEqualTo("n,s\r\n");
    }

    @Test
    void quotesHeadersLikeValues() {
        assertThat(CsvWriter.quote("count, total")).isEqualTo("\"count, total\"");
        assertThat(CsvWriter.quote("x")).isEqualTo("x");
    }
}
