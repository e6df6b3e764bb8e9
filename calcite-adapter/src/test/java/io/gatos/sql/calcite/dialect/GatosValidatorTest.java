package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.calcite.GatosSchema;
import io.gatos.sql.ledger.LedgerRepository;
import io.gatos.sql.ledger.cache.CacheConfig;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the PostgreSQL functions gatos-sql adds to Calcite through a connection prepared as the driver prepares. */
class GatosValidatorTest {
    @TempDir
    static Path dir;
    static LedgerRepository repo;
    static Connection conn;

    @BeforeAll
    static void open() throws SQLException {
        SampleLedger.generate(dir.resolve("l.git"), 120, 9, null);
        repo = LedgerRepository.open(dir.resolve("l.git"));
        conn = io.gatos.sql.calcite.SqlRows.connect(new GatosSchema(repo, CacheConfig.OFF));
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    private static List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void mediansAndPercentilesEqualThoseComputedFromTheRows() throws SQLException {
        Map<String, List<Double>> byNs = new TreeMap<>();
        for (List<Object> r : rows("SELECT ns, pos FROM events")) {
            byNs.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(((Number) r.get(1)).doubleValue());
        }
        List<List<Object>> got = rows("SELECT ns, MEDIAN(pos), PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY pos),"
                + " PERCENTILE_DISC(0.75) WITHIN GROUP (ORDER BY pos DESC) FROM events GROUP BY ns ORDER BY ns");
        assertThat(got).hasSize(byNs.size());
        int i = 0;
        for (Map.Entry<String, List<Double>> e : byNs.entrySet()) {
            double[] sorted = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            assertThat(got.get(i).get(0)).isEqualTo(e.getKey());
            assertThat(got.get(i).get(1)).isEqualTo(Percentiles.continuous(sorted, 0.5));
            assertThat(got.get(i).get(2)).isEqualTo(Percentiles.continuous(sorted, 0.25));
            assertThat(got.get(i).get(3)).isEqualTo(sorted[sorted.length - (int) Math.ceil(0.75 * sorted.length)]);
            i++;
        }
        assertThat(rows("SELECT MEDIAN(pos) FROM events WHERE ns = 'none'")).containsExactly(java.util.Arrays.asList(
                (Object) null));
    }

    @Test
    void truncatesTimesAsPostgresDateTruncDoes() throws SQLException {
        assertThat(rows("SELECT CAST(DATE_TRUNC('week', TIMESTAMP '2026-12-09 10:11:12') AS VARCHAR),"
                + " CAST(DATE_TRUNC('hour', TIMESTAMP '2026-12-09 10:11:12') AS VARCHAR),"
                + " CAST(DATE_TRUNC('quarter', TIMESTAMP '2026-12-09 10:11:12') AS VARCHAR)"))
                .containsExactly(List.of("2026-12-07 00:00:00", "2026-12-09 10:00:00", "2026-10-01 00:00:00"));
        assertThat(rows("SELECT COUNT(*) FROM events GROUP BY DATE_TRUNC('month', ts)"))
                .isEqualTo(rows("SELECT COUNT(*) FROM events GROUP BY FLOOR(ts TO MONTH)"));
        assertThat(rows("SELECT COUNT(*) FROM events WHERE ts < NOW() AND ts > NOW() - INTERVAL '100 years'"))
                .isEqualTo(rows("SELECT COUNT(*) FROM events"));
    }

    @Test
    void namesTheFunctionAndTheTypeWhenAPercentileGetsNoNumbers() {
        assertThatThrownBy(() -> rows("SELECT MEDIAN(ns) FROM events"))
                .hasMessageContaining("From line 1, column 15 to line 1, column 16: MEDIAN takes numbers, not VARCHAR");
        assertThatThrownBy(() -> rows("SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY ts) FROM events"))
                .hasMessageContaining("PERCENTILE_DISC takes numbers, not TIMESTAMP(3)");
        assertThatThrownBy(() -> rows("SELECT PERCENTILE_CONT(2) WITHIN GROUP (ORDER BY pos) FROM events"))
                .hasMessageContaining("the fraction of a percentile must be between 0 and 1, not 2.0");
    }
}
