package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class GatosParserTest {
    /** Table and column names of PostgreSQL's information_schema, as far as we present it, that are keywords. */
    private static final List<String> INFORMATION_SCHEMA_NAMES = List.of("catalog_name", "schema_name",
            "schema_owner", "sql_path", "table_catalog", "table_schema", "table_name", "table_type", "column_name",
            "ordinal_position", "column_default", "is_nullable", "data_type", "character_set_catalog",
            "character_set_schema", "character_set_name", "collation_catalog", "collation_schema",
            "collation_name", "scope_schema", "scope_name", "user_defined_type_catalog", "user_defined_type_schema",
            "user_defined_type_name", "domain_name", "udt_name", "numeric_precision", "datetime_precision",
            "interval_type", "is_identity", "is_updatable", "commit_action", "schemata", "tables", "columns",
            "constraint_catalog", "constraint_schema", "constraint_name", "constraint_type", "is_deferrable",
            "initially_deferred", "enforced", "position_in_unique_constraint", "unique_constraint_catalog",
            "unique_constraint_schema", "unique_constraint_name", "match_option", "update_rule", "delete_rule",
            "table_constraints", "key_column_usage", "referential_constraints");

    private static SqlNode parse(String sql) throws SqlParseException {
        return SqlParser.create(sql, SqlParser.config().withParserFactory(GatosParser.FACTORY)
                .withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)).parseStmt();
    }

    private static String unparsed(String sql) throws SqlParseException {
        return parse(sql).toString().replace('\n', ' ');
    }

    private static SqlParseException failure(String sql) {
        try {
            parse(sql);
        } catch (SqlParseException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void streamIsANameEverywhereAndNeverTheStreamingKeyword() throws SqlParseException {
        assertThat(unparsed("SELECT stream FROM events")).isEqualTo("SELECT `stream` FROM `events`");
        assertThat(unparsed("SELECT stream, ns FROM events WHERE stream = 'a' GROUP BY stream, ns ORDER BY stream"))
                .isEqualTo("SELECT `stream`, `ns` FROM `events` WHERE `stream` = 'a' GROUP BY `stream`, `ns` "
                        + "ORDER BY `stream`");
        assertThat(unparsed("SELECT e.stream, STREAM FROM events AS e")).isEqualTo(
                "SELECT `e`.`stream`, `STREAM` FROM `events` AS `e`");
        SqlSelect select = (SqlSelect) parse("SELECT stream FROM events");
        assertThat(select.getModifierNode(org.apache.calcite.sql.SqlSelectKeyword.STREAM)).isNull();
    }

    @Test
    void everyInformationSchemaNameWorksUnquoted() throws SqlParseException {
        for (String name : INFORMATION_SCHEMA_NAMES) {
            String sql = String.format("SELECT %1$s, 1, t.%1$s FROM information_schema.%1$s AS t WHERE %1$s = 1 "
                    + "GROUP BY %1$s ORDER BY %1$s", name);
            assertThat(unparsed(sql)).as(sql).contains("`t`.`" + name + "`");
        }
    }

    @Test
    void catalogColumnsThatAreCalciteKeywordsAreNames() throws SqlParseException {
        assertThat(unparsed("SELECT lag, ref, type, path, size, state FROM t")).isEqualTo(
                "SELECT `lag`, `ref`, `type`, `path`, `size`, `state` FROM `t`");
        assertThat(unparsed("SELECT LAG(ts, 1) OVER (ORDER BY ts) FROM events")).isEqualTo(
                "SELECT LAG(`ts`, 1) OVER (ORDER BY `ts`) FROM `events`");
    }

    @Test
    void acceptsTrailingSemicolonsOnly() throws SqlParseException {
        assertThat(unparsed("SELECT 1;")).isEqualTo("SELECT 1");
        assertThat(unparsed("SELECT 1 ;  ")).isEqualTo("SELECT 1");
        assertThat(unparsed("SELECT ';' ;; -- x")).isEqualTo("SELECT ';'");
        SqlParseException two = failure("SELECT 1; SELECT 2");
        assertThat(two).hasMessage("Syntax error at line 1, column 11: one statement at a time: a second statement "
                + "starts here; run it on its own");
        assertThat(two.getPos()).isEqualTo(new SqlParserPos(1, 11, 1, 18));
    }

    @Test
    void readsPostgresIntervalStringsAsTheStandardLiteral() throws SqlParseException {
        assertThat(unparsed("SELECT INTERVAL '7 days', INTERVAL '1 day', interval '2 hours', INTERVAL '-3 minutes', "
                + "INTERVAL '1 week', INTERVAL '+10 YEARS', INTERVAL - '4 months', INTERVAL '5 seconds'"))
                .isEqualTo(unparsed("SELECT INTERVAL '7' DAY, INTERVAL '1' DAY, INTERVAL '2' HOUR, "
                        + "INTERVAL '-3' MINUTE, INTERVAL '1' WEEK, INTERVAL '10' YEAR, INTERVAL - '4' MONTH, "
                        + "INTERVAL '5' SECOND"));
        assertThat(unparsed("SELECT ts - INTERVAL '7' DAY, INTERVAL '1' DAY TO HOUR, INTERVAL '7 days' DAY"))
                .isEqualTo("SELECT `ts` - INTERVAL '7' DAY, INTERVAL '1' DAY TO HOUR, INTERVAL '7 days' DAY");
        SqlIntervalLiteral literal = (SqlIntervalLiteral) ((SqlSelect) parse("SELECT\n  INTERVAL '7 days' FROM t"))
                .getSelectList().get(0);
        assertThat(literal.getParserPosition()).isEqualTo(new SqlParserPos(2, 3, 2, 19));
    }

    @Test
    void otherUnitlessIntervalStringsSayWhatToWrite() {
        SqlParseException e = failure("SELECT ts + INTERVAL '1 day 2 hours' FROM t");
        assertThat(e).hasMessage("Syntax error at line 1, column 22: INTERVAL '1 day 2 hours' needs its unit after "
                + "the quotes: write INTERVAL '1 2' DAY TO HOUR or INTERVAL '26' HOUR");
        assertThat(failure("SELECT INTERVAL '7' FROM t")).hasMessageStartingWith(
                "Syntax error at line 1, column 17: INTERVAL '7' needs a unit after the quotes");
    }

    @Test
    void readsPostgresCastsAndRegexOperators() throws SqlParseException {
        SqlCall cast = (SqlCall) ((SqlSelect) parse("SELECT x::INTEGER FROM t")).getSelectList().get(0);
        assertThat(cast.getOperator()).isSameAs(SqlLibraryOperators.INFIX_CAST);
        assertThat(cast.getKind()).isEqualTo(SqlKind.CAST);
        assertThat(unparsed("SELECT -a + b::INTEGER * 2, c::VARCHAR(3)::INTEGER FROM t")).isEqualTo(
                "SELECT - `a` + (`b` :: INTEGER) * 2, ((`c` :: VARCHAR(3)) :: INTEGER) FROM `t`");
        assertThat(unparsed("SELECT * FROM t WHERE a ~ 'x' OR a ~* 'y' OR a !~ 'z' OR a !~* 'w'")).isEqualTo(
                "SELECT * FROM `t` WHERE `a` ~ 'x' OR `a` ~* 'y' OR `a` !~ 'z' OR `a` !~* 'w'");
    }

    @Test
    void aStatementThatStartsWithNoStatementKeywordGetsTheNearestOne() {
        SqlParseException e = failure("SELEC * FROM events");
        assertThat(e).hasMessage("Syntax error at line 1, column 1: a statement starts with SELECT, WITH, VALUES, "
                + "EXPLAIN or DESCRIBE, not \"SELEC\"; did you mean SELECT?");
        assertThat(e.getPos()).isEqualTo(new SqlParserPos(1, 1, 1, 5));
        assertThat(failure("WTIH x AS (SELECT 1) SELECT * FROM x")).hasMessageEndingWith("did you mean WITH?");
        assertThat(failure("1 + 1")).hasMessage("Syntax error at line 1, column 1: a statement starts with SELECT, "
                + "WITH, VALUES, EXPLAIN or DESCRIBE, not \"1\"");
    }

    @Test
    void aMisspelledKeywordIsNamedWithAShortListOfWhatMayComeThere() {
        SqlParseException e = failure("SELECT ns\nFROM events\nWHER ns = 'a'");
        assertThat(e.getMessage()).startsWith("Syntax error at line 3, column 6: found \"ns\", expected \",\", WHERE, ")
                .endsWith("...; did you mean WHERE instead of \"WHER\"?");
        assertThat(e.getMessage()).hasSizeLessThan(200);
        assertThat(e.getExpectedTokenSequences()).as("kept for tools").isNotEmpty();
        assertThat(failure("SELECT ts FROM events ORDER BY ts DESK")).hasMessageEndingWith(
                "found \"DESK\", expected \",\", LIMIT, AS, AND, OR, ASC, DESC, the end of the statement, ...; "
                        + "did you mean DESC?");
        assertThat(failure("SELECT count(*) FROM events GROUP ns")).hasMessage(
                "Syntax error at line 1, column 35: found \"ns\", expected BY");
        assertThat(failure("SELECT * FROM")).hasMessage("Syntax error at line 1, column 13: found the end of the "
                + "statement, expected a name, \"(\", LATERAL, TABLE or UNNEST");
        assertThat(failure("SELECT (1 + 2 FROM t")).hasMessageStartingWith(
                "Syntax error at line 1, column 15: found \"FROM\", expected \")\", ");
    }

    @Test
    void emptyInputAndLexicalErrorsAreWorded() {
        assertThat(failure("")).hasMessage("Syntax error: the statement is empty; write a query such as "
                + "SELECT * FROM events");
        assertThat(failure(" ; ")).hasMessage("Syntax error: the statement is empty; write a query such as "
                + "SELECT * FROM events");
        assertThat(failure("SELECT # FROM t")).hasMessage("Syntax error at line 1, column 8: unexpected character "
                + "\"#\"");
        assertThat(failure("SELECT 1 /* open")).hasMessage("Syntax error at line 1, column 17: the statement ends "
                + "inside a comment; close it with */");
        assertThat(failure("SELECT 'abc FROM t")).hasMessage("Syntax error at line 1, column 8: the quote ' opened "
                + "here is never closed");
    }

    @Test
    void validatorStyleErrorsOfTheGrammarPassThrough() {
        assertThatThrownBy(() -> parse("SELECT * FROM t FETCH NEXT 1 ROWS ONLY LIMIT 2"))
                .isInstanceOf(SqlParseException.class);
    }
}
