package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.server.corpus.StockAvaticaClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asks the embedded driver and {@code gatos serve}, through the stock Avatica client jar, the
 * metadata questions a BI tool asks while browsing, and checks both answer them alike.
 *
 * <p>The stock client answers some questions itself without asking the server (Avatica's
 * {@code RemoteMeta} has no request for keys or functions, and its {@code DatabaseMetaData} takes
 * the product name and the identifier rules from its own jar): {@link #STOCK_CLIENT} pins what it
 * says, so that a client that starts asking the server shows up here.
 */
class MetaDataIT {
    /** The two ways a program reaches a ledger. */
    enum Way {
        EMBEDDED, REMOTE
    }

    /** Asks one question of a connection's metadata. */
    @FunctionalInterface
    private interface Question {
        Object ask(DatabaseMetaData md) throws SQLException;
    }

    private static final String FK = "PKTABLE_NAME,PKCOLUMN_NAME,FKTABLE_NAME,FKCOLUMN_NAME,KEY_SEQ,UPDATE_RULE,"
            + "DELETE_RULE,FK_NAME,PK_NAME,DEFERRABILITY";
    /** Each question, and the columns whose values its answer lists (all of them for a non-result). */
    private static final Map<String, Question> QUESTIONS = new LinkedHashMap<>();
    private static final Map<String, String> SHOWN = new LinkedHashMap<>();
    /** The true answers, which the embedded driver gives. */
    private static final Map<String, String> TRUTH = new LinkedHashMap<>();
    /** What the stock client answers without asking the server. */
    private static final Map<String, String> STOCK_CLIENT = Map.of(
            "primary key of POINTERS", "",
            "keys jobs imports", "",
            "keys referencing governance_proposals", "",
            "keys from governance_revocations to governance_grants", "",
            "function median", "",
            "functions of schema gatos", "",
            "product", "Avatica|Avatica Remote JDBC Driver",
            "identifier case", "storesMixed=false supportsMixed=false storesUpper=true storesLower=false"
                    + " storesMixedQuoted=false supportsMixedQuoted=true storesUpperQuoted=false"
                    + " storesLowerQuoted=false");

    static {
        question("tables GATOS.EVENTS", md -> md.getTables(null, "GATOS", "EVENTS", null),
                "TABLE_SCHEM,TABLE_NAME,TABLE_TYPE", "gatos|events|TABLE");
        question("tables Gatos.GOVERNANCE\\_%", md -> md.getTables(null, "Gatos", "GOVERNANCE\\_%", null),
                "TABLE_NAME", "governance_approvals\ngovernance_grants\ngovernance_proposals\ngovernance_revocations");
        question("columns gatos.Events.TS", md -> md.getColumns(null, "gatos", "Events", "TS"),
                "TABLE_NAME,COLUMN_NAME,TYPE_NAME,ORDINAL_POSITION", "events|ts|TIMESTAMP|7");
        question("schemas GATOS", md -> md.getSchemas(null, "GATOS"), "TABLE_SCHEM", "gatos");
        question("primary key of POINTERS", md -> md.getPrimaryKeys(null, "gatos", "POINTERS"),
                "TABLE_NAME,COLUMN_NAME,KEY_SEQ,PK_NAME",
                "pointers|commit_id|2|pk_pointers\npointers|digest|1|pk_pointers\npointers|path|3|pk_pointers");
        question("keys jobs imports", md -> md.getImportedKeys(null, "gatos", "jobs"), FK,
                "commits|id|jobs|commit_id|1|3|3|fk_jobs_commit_id|pk_commits|7\n"
                        + "commits|id|jobs|result_commit_id|1|3|3|fk_jobs_result_commit_id|pk_commits|7");
        question("keys referencing governance_proposals",
                md -> md.getExportedKeys(null, "gatos", "governance_proposals"), FK,
                "governance_proposals|id|governance_approvals|proposal_id|1|3|3|fk_governance_approvals_proposal_id"
                        + "|pk_governance_proposals|7\n"
                        + "governance_proposals|id|governance_grants|proposal_id|1|3|3|fk_governance_grants_proposal_id"
                        + "|pk_governance_proposals|7");
        question("keys from governance_revocations to governance_grants", md -> md.getCrossReference(null, "gatos",
                "governance_grants", null, "gatos", "governance_revocations"), FK,
                "governance_grants|id|governance_revocations|grant_id|1|3|3|fk_governance_revocations_grant_id"
                        + "|pk_governance_grants|7");
        question("function median", md -> md.getFunctions(null, null, "median"),
                "FUNCTION_CAT,FUNCTION_SCHEM,FUNCTION_NAME,REMARKS,FUNCTION_TYPE,SPECIFIC_NAME",
                "null|null|MEDIAN|gatos-sql aggregate function|1|MEDIAN");
        question("functions of schema gatos", md -> md.getFunctions(null, "gatos", "%"),
                "FUNCTION_SCHEM,FUNCTION_NAME,FUNCTION_TYPE", "gatos|shiplog_read|2");
        question("product", md -> md.getDatabaseProductName() + "|" + md.getDriverName(), "",
                "gatos-sql|gatos-sql JDBC driver");
        question("identifier case", md -> "storesMixed=" + md.storesMixedCaseIdentifiers()
                + " supportsMixed=" + md.supportsMixedCaseIdentifiers()
                + " storesUpper=" + md.storesUpperCaseIdentifiers()
                + " storesLower=" + md.storesLowerCaseIdentifiers()
                + " storesMixedQuoted=" + md.storesMixedCaseQuotedIdentifiers()
                + " supportsMixedQuoted=" + md.supportsMixedCaseQuotedIdentifiers()
                + " storesUpperQuoted=" + md.storesUpperCaseQuotedIdentifiers()
                + " storesLowerQuoted=" + md.storesLowerCaseQuotedIdentifiers(), "",
                "storesMixed=true supportsMixed=false storesUpper=false storesLower=false storesMixedQuoted=true"
                        + " supportsMixedQuoted=false storesUpperQuoted=false storesLowerQuoted=false");
        question("search escape and quote", md -> md.getSearchStringEscape() + " " + md.getIdentifierQuoteString(),
                "", "\\ \"");
    }

    private static void question(String name, Question question, String shown, String truth) {
        QUESTIONS.put(name, question);
        SHOWN.put(name, shown);
        TRUTH.put(name, truth);
    }

    @TempDir
    static Path dir;
    static ServerFixture fixture;
    static StockAvaticaClient client;
    static final Map<Way, Connection> CONNECTIONS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws SQLException {
        fixture = ServerFixture.start(dir, c -> c);
        client = StockAvaticaClient.load(Path.of(System.getProperty("gatos.clients.dir", "target/clients")));
        CONNECTIONS.put(Way.EMBEDDED, DriverManager.getConnection(fixture.ledger.jdbcUrl()));
        CONNECTIONS.put(Way.REMOTE, client.connect(fixture.server.jdbcUrl(), new Properties()));
    }

    @AfterAll
    static void stop() throws SQLException {
        for (Connection c : CONNECTIONS.values()) {
            c.close();
        }
        CONNECTIONS.clear();
        if (fixture != null) {
            fixture.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void eachWayGivesTheTrueAnswersSaveWhatTheStockClientAnswersItself(Way way) throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>(TRUTH);
        if (way == Way.REMOTE) {
            expected.putAll(STOCK_CLIENT);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String name : QUESTIONS.keySet()) {
            answers.put(name, render(QUESTIONS.get(name).ask(CONNECTIONS.get(way).getMetaData()), SHOWN.get(name)));
        }
        assertThat(answers).containsExactlyEntriesOf(expected);
    }

    @Test
    void whereTheServerIsAskedBothWaysGiveTheSameColumnsTypesAndRows() throws SQLException {
        List<String> compared = new ArrayList<>();
        for (String name : QUESTIONS.keySet()) {
            if (STOCK_CLIENT.containsKey(name)) {
                continue;
            }
            Object embedded = QUESTIONS.get(name).ask(CONNECTIONS.get(Way.EMBEDDED).getMetaData());
            Object remote = QUESTIONS.get(name).ask(CONNECTIONS.get(Way.REMOTE).getMetaData());
            assertThat(render(remote, null)).as(name).isEqualTo(render(embedded, null));
            compared.add(name);
        }
        assertThat(compared).hasSize(QUESTIONS.size() - STOCK_CLIENT.size());
    }

    @Test
    void theServerReportsGatosSqlInTheRemotePropertiesTheStockClientCanRead() throws SQLException {
        Properties server = CONNECTIONS.get(Way.REMOTE).getMetaData().unwrap(Properties.class);
        assertThat(server.getProperty("GET_DATABASE_PRODUCT_NAME")).isEqualTo("gatos-sql");
        assertThat(server.getProperty("GET_DRIVER_NAME")).isEqualTo("gatos-sql JDBC driver");
        assertThat(server.getProperty("GET_DATABASE_PRODUCT_VERSION"))
                .isEqualTo(CONNECTIONS.get(Way.EMBEDDED).getMetaData().getDatabaseProductVersion());
    }

    /**
     * Renders an answer: a value as text; a result set as its rows of the {@code shown} columns
     * ("a|b", one line each), or, when {@code shown} is null, as a header of every column's label and
     * type followed by its rows of every column.
     */
    private static String render(Object answer, String shown) throws SQLException {
        if (!(answer instanceof ResultSet rs)) {
            return String.valueOf(answer);
        }
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            if (shown == null) {
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                    header.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i));
                }
                lines.add(String.join(",", header));
            } else {
                columns.addAll(List.of(shown.split(",")));
            }
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) {
                    cells.add(rs.getString(c));
                }
                lines.add(String.join("|", cells));
            }
            return String.join("\n", lines);
        }
    }
}
