package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.ConnectionNames.TableName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class ValidationHintsTest {
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "events", List.of("id", "ns", "kind", "ts"),
            "commits", List.of("id", "author", "message"));
    private static final ConnectionNames CONNECTION = new ConnectionNames(List.of(
            new TableName("gatos", "commits", true), new TableName("gatos", "events", true),
            new TableName("gatos", "columns_seen", true),
            new TableName("information_schema", "columns", false), new TableName("information_schema", "tables", false),
            new TableName("metadata", "COLUMNS", false), new TableName("metadata", "TABLES", false)),
            List.of("gatos", "information_schema", "metadata"),
            List.of("ABS", "COUNT", "LENGTH", "shiplog_read", "SUM"),
            names -> COLUMNS.getOrDefault(names.get(names.size() - 1).toLowerCase(Locale.ROOT), List.of()));
    private static final SqlParserPos NOWHERE = new SqlParserPos(1, 1, 1, 1);

    private static StatementNames statement(String sql) throws SqlParseException {
        return StatementNames.of(sql, SqlParser.create(sql, SqlParser.config().withParserFactory(GatosParser.FACTORY)
                .withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)).parseStmt(), CONNECTION.columns());
    }

    private static String hint(String message, SqlParserPos pos, String sql) throws SqlParseException {
        return ValidationHints.hint(message, pos, CONNECTION, sql == null ? null : statement(sql)).orElse(message);
    }

    private static String hint(String message) throws SqlParseException {
        return hint(message, NOWHERE, null);
    }

    @Test
    void anUnknownTableNamesTheNearestTableDefaultSchemaFirst() throws SqlParseException {
        assertThat(hint("Object 'event' not found")).isEqualTo("Object 'event' not found; did you mean 'events'?");
        assertThat(hint("Object 'Comits' not found")).isEqualTo("Object 'Comits' not found; did you mean 'commits'?");
        assertThat(hint("Object 'tabels' not found"))
                .isEqualTo("Object 'tabels' not found; did you mean 'information_schema.tables'?");
        assertThat(hint("Object 'TABLES' not found"))
                .isEqualTo("Object 'TABLES' not found; did you mean 'information_schema.tables'?");
        assertThat(hint("Object 'nope' not found")).isEqualTo("Object 'nope' not found");
    }

    @Test
    void anUnknownTableWithinASchemaNamesTheNearestTableOfThatSchema() throws SqlParseException {
        assertThat(hint("Object 'tabels' not found within 'metadata'"))
                .isEqualTo("Object 'tabels' not found within 'metadata'; did you mean 'metadata.TABLES'?");
        assertThat(hint("Object 'event' not found within 'GATOS'"))
                .isEqualTo("Object 'event' not found within 'GATOS'; did you mean 'events'?");
        assertThat(hint("Object 'event' not found within 'nope'")).isEqualTo("Object 'event' not found within 'nope'");
    }

    @Test
    void anUnknownSchemaOfAQualifiedNameNamesTheNearestSchema() throws SqlParseException {
        String sql = "SELECT * FROM gatso.events";
        assertThat(hint("Object 'gatso' not found", new SqlParserPos(1, 15, 1, 26), sql))
                .isEqualTo("Object 'gatso' not found; did you mean 'gatos.events'?");
        assertThat(hint("Object 'events' not found", new SqlParserPos(1, 15, 1, 26), "SELECT * FROM events.x"))
                .isEqualTo("Object 'events' not found");
    }

    @Test
    void anUnknownColumnNamesTheNearestColumnOfTheStatementsTables() throws SqlParseException {
        String sql = "SELECT kindd, e.kindd, c.kind, commits.autor FROM events e JOIN commits c ON true, commits";
        assertThat(hint("Column 'kindd' not found in any table", NOWHERE, sql))
                .isEqualTo("Column 'kindd' not found in any table; did you mean 'kind'?");
        assertThat(hint("Column 'kindd' not found in table 'e'", NOWHERE, sql))
                .isEqualTo("Column 'kindd' not found in table 'e'; did you mean 'kind'?");
        assertThat(hint("Column 'kind' not found in table 'c'", NOWHERE, sql))
                .isEqualTo("Column 'kind' not found in table 'c'");
        assertThat(hint("Column 'autor' not found in table 'commits'", NOWHERE, sql))
                .isEqualTo("Column 'autor' not found in table 'commits'; did you mean 'author'?");
        assertThat(hint("Column 'kindd' not found in any table")).isEqualTo("Column 'kindd' not found in any table");
    }

    @Test
    void anUnknownTableQualifierNamesTheNearestRelation() throws SqlParseException {
        assertThat(hint("Table 'evnts' not found", NOWHERE, "SELECT evnts.ns FROM events"))
                .isEqualTo("Table 'evnts' not found; did you mean 'events'?");
        assertThat(hint("Table 'f' not found", NOWHERE, "SELECT f.ns FROM events e"))
                .isEqualTo("Table 'f' not found; did you mean 'e'?");
    }

    @Test
    void anUnknownFunctionNamesTheNearestFunction() throws SqlParseException {
        assertThat(hint("No match found for function signature lenght(<CHARACTER>)"))
                .isEqualTo("No match found for function signature lenght(<CHARACTER>); did you mean 'LENGTH'?");
        assertThat(hint("No match found for function signature gatos.shiplog_raed(<CHARACTER>, <NUMERIC>)"))
                .endsWith("shiplog_raed(<CHARACTER>, <NUMERIC>); did you mean 'shiplog_read'?");
        assertThat(hint("Function 'countt' not found")).isEqualTo("Function 'countt' not found; did you mean 'COUNT'?");
        assertThat(hint("No match found for function signature shiplog_read(<NUMERIC>)"))
                .isEqualTo("No match found for function signature shiplog_read(<NUMERIC>)");
        assertThat(hint("No match found for function signature nope(<NUMERIC>)"))
                .isEqualTo("No match found for function signature nope(<NUMERIC>)");
    }

    @Test
    void aStarPassedToAnUnknownFunctionSaysSo() throws SqlParseException {
        SqlParserPos star = new SqlParserPos(1, 15, 1, 15);
        assertThat(hint("Unknown identifier '*'", star, "SELECT COUNTT(*) FROM events"))
                .isEqualTo("Unknown identifier '*': no function is named 'COUNTT'; did you mean 'COUNT'?");
        assertThat(hint("Unknown identifier '*'", star, "SELECT FOOBAR(*) FROM events"))
                .isEqualTo("Unknown identifier '*': no function is named 'FOOBAR'");
        assertThat(hint("Unknown identifier '*'", new SqlParserPos(1, 12, 1, 12), "SELECT ABS(*) FROM events"))
                .isEqualTo("Unknown identifier '*'");
    }

    @Test
    void subtractingTimestampsSaysWhatToWriteInsteadWithTheStatementsOperands() throws SqlParseException {
        String message = "Cannot apply '-' to arguments of type '<TIMESTAMP(3)> - <TIMESTAMP(3)>'. Supported form(s): "
                + "'<NUMERIC> - <NUMERIC>'\n'<DATETIME_INTERVAL> - <DATETIME_INTERVAL>'\n"
                + "'<DATETIME> - <DATETIME_INTERVAL>'";
        assertThat(hint(message, new SqlParserPos(1, 8, 1, 24), "SELECT MAX(ts) - MIN(ts) FROM events"))
                .isEqualTo("Cannot apply '-' to arguments of type '<TIMESTAMP(3)> - <TIMESTAMP(3)>'; to subtract "
                        + "timestamps write TIMESTAMPDIFF(SECOND, MIN(ts), MAX(ts)) for the number of seconds, or "
                        + "(MAX(ts) - MIN(ts)) DAY TO SECOND(3) for an interval. Supported form(s): "
                        + "'<NUMERIC> - <NUMERIC>'\n'<DATETIME_INTERVAL> - <DATETIME_INTERVAL>'\n"
                        + "'<DATETIME> - <DATETIME_INTERVAL>'");
        assertThat(hint(message)).startsWith("Cannot apply '-' to arguments of type '<TIMESTAMP(3)> - "
                + "<TIMESTAMP(3)>'; to subtract timestamps write TIMESTAMPDIFF(SECOND, start, end) for the number of "
                + "seconds, or (end - start) DAY TO SECOND(3) for an interval. Supported form(s): ");
        String other = "Cannot apply '-' to arguments of type '<INTEGER> - <BOOLEAN>'. Supported form(s): "
                + "'<NUMERIC> - <NUMERIC>'";
        assertThat(hint(other)).isEqualTo(other);
    }

    @Test
    void calcitesOwnSuggestionsAndOtherMessagesStayAsTheyAre() throws SqlParseException {
        assertThat(hint("Object 'event' not found; did you mean 'EVENT'?"))
                .isEqualTo("Object 'event' not found; did you mean 'EVENT'?");
        assertThat(hint("Column 'kind' is ambiguous", NOWHERE, "SELECT kind FROM events, events e"))
                .isEqualTo("Column 'kind' is ambiguous");
    }
}
