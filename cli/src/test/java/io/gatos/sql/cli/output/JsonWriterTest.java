package io.gatos.sql.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final String TYPED =
            """
            SELECT * FROM (VALUES
              (1, CAST('a' AS VARCHAR(5)), CAST(NULL AS VARCHAR(3)),
               TIMESTAMP '2026-01-01 00:00:00', TRUE, CAST(1.50 AS DECIMAL(5, 2)),
               CAST(2.5 AS DOUBLE), CAST('{"k":[1,2]}' AS VARCHAR(20))),
              (2, CAST('b"' AS VARCHAR(5)), CAST('x' AS VARCHAR(3)),
               TIMESTAMP '2026-07-01 12:30:00.250', FALSE, CAST(-3 AS DECIMAL(5, 2)),
               CAST(1e20 AS DOUBLE), CAST('[]' AS VARCHAR(20))))
            AS t("id", "name", "missing", "ts", "flag", "amount", "ratio", "payload")
            """;
    private static final String ROW1 =
            """
            {"id":1,"name":"a","missing":null,"ts":"2026-01-01T00:00:00Z","flag":true,\
            "amount":1.50,"ratio":2.5,"payload":"{\\"k\\":[1,2]}"}""";
    private static final String ROW2 =
            """
            {"id":2,"name":"b\\"","missing":"x","ts":"2026-07-01T12:30:00.250Z","flag":false,\
            "amount":-3.00,"ratio":1.0E20,"payload":"[]"}""";

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
    void writesOneArrayWithARowPerLine() throws Exception {
        assertThat(Results.render(new JsonWriter(false), TYPED))
                .isEqualTo("[\n" + ROW1 + ",\n" + ROW2 + "\n]\n");
    }

    @Test
    void writesOneObjectPerLineForNdjson() throws Exception {
        assertThat(Results.render(new JsonWriter(true), TYPED))
                .isEqualTo(ROW1 + "\n" + ROW2 + "\n");
    }

    @Test
    void writesAnEmptyArrayOrNothingForNoRows() throws Exception {
        String none = "SELECT * FROM (VALUES (1)) AS t(\"n\") WHERE \"n\" > 1";

        assertThat(Results.render(new JsonWriter(false), none)).isEqualTo("[]\n");
        assertThat(Results.render(new JsonWriter(true), none)).isEmpty();
    }
}
