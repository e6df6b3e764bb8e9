package io.gatos.sql.jdbc;

import static io.gatos.sql.jdbc.JdbcTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the functions {@code getFunctions} lists through real embedded connections. */
class SqlFunctionsTest {
    @TempDir
    static Path dir;
    static LedgerTestRepository repo;
    static Connection conn;
    static DatabaseMetaData md;

    @BeforeAll
    static void open() throws SQLException {
        repo = LedgerTestRepository.create(dir.resolve("ledger.git"));
        repo.event("orders", "alice", "order.created", "{\"amount\":3}");
        repo.message("billing", "{\"n\":1}");
        conn = DriverManager.getConnection(repo.jdbcUrl());
        md = conn.getMetaData();
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        repo.close();
    }

    @Test
    void listsGatosSqlsOwnFunctionsBesideTheStandardAndLibraryOnes() throws SQLException {
        assertThat(rows(md.getFunctions(null, null, "MEDIAN"))).containsExactly(
                "null|null|MEDIAN|gatos-sql aggregate function|1|MEDIAN");
        for (String own : List.of("PERCENTILE_CONT", "PERCENTILE_DISC", "DATE_TRUNC", "NOW")) {
            assertThat(rows(md.getFunctions(null, null, own))).singleElement().asString()
                    .startsWith("null|null|" + own + "|gatos-sql ");
        }
        assertThat(rows(md.getFunctions(null, null, "COUNT"))).containsExactly(
                "null|null|COUNT|SQL standard aggregate function|1|COUNT");
        assertThat(rows(md.getFunctions(null, null, "SPLIT_PART"))).containsExactly(
                "null|null|SPLIT_PART|postgresql library function|1|SPLIT_PART");
        assertThat(rows(md.getFunctions(null, null, "TUMBLE"))).singleElement().asString()
                .endsWith("|" + DatabaseMetaData.functionReturnsTable + "|TUMBLE");
    }

    @Test
    void listsEachNameOnceBuiltInsFirstThenSchemaFunctions() throws SQLException {
        List<String> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getFunctions(null, null, "%")) {
            while (rs.next()) {
                schemas.add(rs.getString("FUNCTION_SCHEM"));
                names.add(rs.getString("FUNCTION_NAME"));
                assertThat(rs.getString("SPECIFIC_NAME")).isEqualTo(rs.getString("FUNCTION_NAME"));
                assertThat(rs.getString("FUNCTION_CAT")).isNull();
            }
        }
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(150).allMatch(n -> n.matches("[A-Za-z_0-9]+"));
        assertThat(names.subList(0, names.size() - 1)).isSorted();
        assertThat(names.get(names.size() - 1)).isEqualTo("shiplog_read");
        assertThat(schemas.subList(0, schemas.size() - 1)).containsOnlyNulls();
        assertThat(schemas.get(schemas.size() - 1)).isEqualTo("gatos");
    }

    @Test
    void schemaAndNamePatternsNarrowInAnyLetterCase() throws SQLException {
        assertThat(rows(md.getFunctions(null, "GATOS", "%"))).containsExactly(
                "null|gatos|shiplog_read|table function of schema gatos|" + DatabaseMetaData.functionReturnsTable
                        + "|shiplog_read");
        assertThat(rows(md.getFunctions(null, "gatos", "Shiplog\\_Read"))).hasSize(1);
        assertThat(rows(md.getFunctions(null, "", "median"))).as("\"\" is: in no schema").hasSize(1);
        assertThat(rows(md.getFunctions(null, "%", "median"))).as("a pattern needs a schema").isEmpty();
        assertThat(rows(md.getFunctions(null, "information_schema", "%"))).isEmpty();
        assertThat(rows(md.getFunctions(null, null, "percentile%"))).extracting(r -> r.split("\\|")[2])
                .containsExactly("PERCENTILE_CONT", "PERCENTILE_DISC");
    }

    @Test
    void theResultHasTheJdbcColumns() throws SQLException {
        try (ResultSet rs = md.getFunctions(null, null, "NOW")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i) + " " + meta.getColumnType(i));
            }
            assertThat(columns).containsExactly("FUNCTION_CAT " + Types.VARCHAR, "FUNCTION_SCHEM " + Types.VARCHAR,
                    "FUNCTION_NAME " + Types.VARCHAR, "REMARKS " + Types.VARCHAR, "FUNCTION_TYPE " + Types.SMALLINT,
                    "SPECIFIC_NAME " + Types.VARCHAR);
        }
    }

    @Test
    void followsTheConnectionsLibraries() throws SQLException {
        try (Connection standard = DriverManager.getConnection(repo.jdbcUrl() + ";fun=standard")) {
            assertThat(rows(standard.getMetaData().getFunctions(null, null, "SPLIT_PART"))).isEmpty();
            assertThat(rows(standard.getMetaData().getFunctions(null, null, "MEDIAN"))).hasSize(1);
        }
    }

    @Test
    void everyListedFunctionOfGatosSqlCanBeCalled() throws SQLException {
        assertThat(rows(conn, "SELECT MEDIAN(pos), PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY pos),"
                + " DATE_TRUNC('day', ts) IS NOT NULL, NOW() IS NOT NULL FROM events GROUP BY ts"))
                .containsExactly("0.0|0.0|true|true");
        assertThat(rows(conn, "SELECT COUNT(*) FROM TABLE(shiplog_read('billing', NULL, 5))")).containsExactly("1");
    }
}
