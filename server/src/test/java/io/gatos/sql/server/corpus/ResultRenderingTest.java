package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultRenderingTest {
    @TempDir
    Path dir;
    LedgerTestRepository ledger;
    Connection connection;

    @BeforeEach
    void open() throws Exception {
        ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{\"note\":\"a\\nb|c \",\"amount\":12.50}");
        connection = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        ledger.close();
    }

    @Test
    void writesEachTypeCanonicallyWithTheJdbcTypeNameInTheHeader() throws Exception {
        List<String> lines = render("SELECT TIMESTAMP '2026-01-02 03:04:05.678' AS ts, TIMESTAMP '2026-01-02 03:04:05' AS whole,"
                + " DATE '2026-02-28' AS d, TIME '10:11:12' AS t, 2 AS i, 10000000000 AS big, 1.50 AS num,"
                + " CAST(1.5 AS DOUBLE) AS dbl, CAST(0.1 AS REAL) AS r, TRUE AS b, X'0aff' AS bin,"
                + " CAST(NULL AS VARCHAR) AS nothing FROM (VALUES (1))");

        assertThat(lines).containsExactly(
                "ts TIMESTAMP|whole TIMESTAMP|d DATE|t TIME|i INTEGER|big BIGINT|num DECIMAL|dbl DOUBLE|r REAL"
                        + "|b BOOLEAN|bin BINARY|nothing VARCHAR",
                "2026-01-02T03:04:05.678Z|2026-01-02T03:04:05Z|2026-02-28|10:11:12|2|10000000000|1.50|1.5|0.1"
                        + "|true|x'0aff'|NULL");
    }

    @Test
    void escapesSeparatorsNewlinesEdgeSpacesAndLabels() throws Exception {
        List<String> lines = render("SELECT JSON_VALUE(payload, '$.note') AS \"a|b\", CAST('ab' AS CHAR(4)) AS padded,"
                + " '' AS empty, 'NULL' AS null_text FROM events");

        assertThat(lines).containsExactly("a\\|b VARCHAR|padded CHAR|empty CHAR|null_text CHAR",
                "a\\nb\\|c\\s|ab\\s\\s|\\empty|\\NULL");
    }

    @Test
    void listsRowsInTheOrderTheyCome() throws Exception {
        assertThat(render("SELECT x FROM (VALUES (3), (1), (2)) AS v(x)")).containsExactly("x INTEGER", "3", "1", "2");
    }

    @Test
    void escapesEveryReservedCharacter() {
        assertThat(ResultRendering.escape("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(ResultRendering.escape("tab\there\r")).isEqualTo("tab\\there\\r");
        assertThat(ResultRendering.escape("bell\u0007")).isEqualTo("bell\\u0007");
        assertThat(ResultRendering.escape("  x y  ")).isEqualTo("\\s\\sx y\\s\\s");
        assertThat(ResultRendering.escape("   ")).isEqualTo("\\s\\s\\s");
        assertThat(ResultRendering.escape("")).isEqualTo("\\empty");
        assertThat(ResultRendering.escape("NULL")).isEqualTo("\\NULL");
        assertThat(ResultRendering.escape("null")).isEqualTo("null");
        assertThat(ResultRendering.escape("東京 Zoë")).isEqualTo("東京 Zoë");
    }

    private List<String> render(String sql) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return ResultRendering.render(rs);
        }
    }
}
