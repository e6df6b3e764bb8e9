package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.catalog.Catalog;
import io.gatos.sql.catalog.TableDef;
import io.gatos.sql.server.SparkStyleReader.Column;
import io.gatos.sql.server.corpus.StockAvaticaClient;
import io.gatos.sql.writer.sample.SampleLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the sample ledger as Spark's JDBC source does ({@link SparkStyleReader}), embedded and
 * through {@code gatos serve} with the stock Avatica client: the schema query reports sizes a copy
 * can declare, every fetch size a reader may set returns every row, and a Spark-style copy into
 * DuckDB ({@link SparkStyleCopy}) holds every row.
 */
class SparkStyleReadIT {
    /** More events than Avatica's 100-row frame, so that results span frames. */
    static final int EVENTS = 400;
    /** Decimal aggregates of declared precision, as a reader's {@code dbtable} subquery. */
    static final String SUMS = "(SELECT ns, COUNT(*) AS n, SUM(CAST(pos AS DECIMAL(38,2))) AS total,"
            + " AVG(CAST(pos AS DECIMAL(10,2))) AS mean, MIN(CAST(pos AS DECIMAL(10,2))) AS low,"
            + " MAX(CAST(pos AS DECIMAL(38,2))) AS high, SUM(CAST(pos AS INTEGER)) AS int_sum"
            + " FROM events GROUP BY ns) AS sums";
    static final List<String> SOURCES = List.of("events", "commits", "shiplog", "pointers", "jobs", SUMS);

    @TempDir
    static Path dir;
    static GatosServer server;
    static StockAvaticaClient client;
    static Connection embedded;
    static Connection remote;

    @BeforeAll
    static void start() throws SQLException {
        Path repo = dir.resolve("ledger.git");
        SampleLedger.generate(repo, EVENTS, 14, null);
        server = GatosServer.start(ServerConfig.defaults(repo).withAddress("127.0.0.1", 0));
        client = StockAvaticaClient.load(Path.of(System.getProperty("gatos.clients.dir", "target/clients")));
        embedded = DriverManager.getConnection("jdbc:gatos:repo=" + repo);
        remote = client.connect(server.jdbcUrl(), new Properties());
    }

    @AfterAll
    static void stop() throws SQLException {
        for (AutoCloseable c : new AutoCloseable[] {embedded, remote, server, client}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new SQLException("cannot close " + c, e);
            }
        }
    }

    private static Connection way(String name) {
        return Map.of("embedded", embedded, "remote", remote).get(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "remote"})
    void theSchemaQueryReportsSizesACopyCanDeclare(String way) throws SQLException {
        Connection c = way(way);
        for (Column column : SparkStyleReader.schema(c, "events")) {
            if (column.jdbcType() == Types.VARCHAR) {
                assertThat(column.precision()).as(column.label()).isEqualTo(Integer.MAX_VALUE);
            }
        }
        assertThat(SparkStyleReader.schema(c, SUMS)).containsExactly(
                new Column("ns", Types.VARCHAR, Integer.MAX_VALUE, 0),
                new Column("n", Types.BIGINT, 19, 0),
                new Column("total", Types.DECIMAL, 38, 2),
                new Column("mean", Types.DECIMAL, 10, 2),
                new Column("low", Types.DECIMAL, 10, 2),
                new Column("high", Types.DECIMAL, 38, 2),
                new Column("int_sum", Types.BIGINT, 19, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "remote"})
    void getColumnsSizesEveryColumnAsResultSetMetaDataDoes(String way) throws SQLException {
        Connection c = way(way);
        for (TableDef table : Catalog.get().tables()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM " + table.name() + " WHERE 1=0");
                    ResultSet columns = c.getMetaData().getColumns(null, Catalog.SCHEMA, table.name(), null)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    assertThat(columns.next()).as(table.name() + " has column " + i).isTrue();
                    String name = table.name() + "." + columns.getString("COLUMN_NAME");
                    assertThat(columns.getString("COLUMN_NAME")).isEqualTo(md.getColumnName(i));
                    assertThat(columns.getInt("COLUMN_SIZE")).as(name).isEqualTo(md.getPrecision(i));
                    assertThat(md.getColumnDisplaySize(i)).as(name).isPositive();
                    if (md.getColumnType(i) == Types.VARCHAR) {
                        assertThat(md.getPrecision(i)).as(name).isEqualTo(Integer.MAX_VALUE);
                        assertThat(md.getColumnDisplaySize(i)).as(name).isEqualTo(Integer.MAX_VALUE);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 1000, -1, Integer.MIN_VALUE})
    void everyFetchSizeReadsEveryRow(int fetchSize) throws SQLException {
        for (String source : SOURCES) {
            List<Column> schema = SparkStyleReader.schema(embedded, source);
            List<String> expected = SparkStyleReader.render(SparkStyleReader.rows(embedded, source, schema, 0));
            assertThat(expected).as(source).isNotEmpty();
            assertThat(SparkStyleReader.render(SparkStyleReader.rows(remote, source, schema, fetchSize)))
                    .as("%s remotely with fetch size %d", source, fetchSize)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(SparkStyleReader.render(SparkStyleReader.rows(embedded, source, schema, fetchSize)))
                    .as("%s embedded with fetch size %d", source, fetchSize)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aPlainStatementWithFetchSizeZeroReadsPastTheFirstFrame() throws SQLException {
        try (Statement st = remote.createStatement()) {
            st.setFetchSize(0);
            try (ResultSet rs = st.executeQuery("SELECT id FROM events")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(EVENTS);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "remote"})
    void aSparkStyleCopyIntoDuckdbHoldsEveryRow(String way) throws SQLException {
        Connection c = way(way);
        for (String source : SOURCES) {
            List<Column> schema = SparkStyleReader.schema(c, source);
            List<List<Object>> rows = SparkStyleReader.rows(c, source, schema, 0);
            assertThat(SparkStyleReader.render(SparkStyleCopy.copy(schema, rows))).as(source)
                    .hasSize(rows.size())
                    .containsExactlyInAnyOrderElementsOf(SparkStyleReader.render(rows));
        }
    }
}
