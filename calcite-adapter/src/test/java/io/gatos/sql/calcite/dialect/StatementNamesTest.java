package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.StatementNames.Relation;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class StatementNamesTest {
    /** Two tables, found by their last name in any letter case. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "events", List.of("id", "ns", "kind", "ts"),
            "commits", List.of("id", "author", "message"));

    private static StatementNames names(String sql) throws SqlParseException {
        return StatementNames.of(sql, SqlParser.create(sql, SqlParser.config().withParserFactory(GatosParser.FACTORY)
                .withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)).parseStmt(),
                n -> TABLES.getOrDefault(n.get(n.size() - 1).toLowerCase(java.util.Locale.ROOT), List.of()));
    }

    @Test
    void relationsAreTheTablesOfEveryFromClauseByAliasOrName() throws SqlParseException {
        StatementNames names = names("SELECT e.ns FROM gatos.events e JOIN commits ON commits.id = e.id "
                + "WHERE e.ns IN (SELECT ns FROM events AS inner_e) AND EXISTS (SELECT 1 FROM nope)");
        assertThat(names.relations()).containsExactly(
                new Relation("e", List.of("id", "ns", "kind", "ts")),
                new Relation("commits", List.of("id", "author", "message")),
                new Relation("inner_e", List.of("id", "ns", "kind", "ts")),
                new Relation("nope", List.of()));
        assertThat(names.aliases()).containsExactly("e", "commits", "inner_e", "nope");
        assertThat(names.columnsOf("E")).containsExactly("id", "ns", "kind", "ts");
        assertThat(names.columns()).containsExactly("id", "ns", "kind", "ts", "author", "message");
    }

    @Test
    void subqueriesAndWithItemsHaveTheColumnsTheirSelectListsName() throws SqlParseException {
        StatementNames names = names("WITH w AS (SELECT ns AS namespace, COUNT(*) AS n FROM events GROUP BY ns), "
                + "v (a, b) AS (SELECT id, kind FROM events) "
                + "SELECT x.kinds, w.n AS total FROM (SELECT kind AS kinds, e.* FROM events e) x, w, v, "
                + "(SELECT * FROM commits UNION SELECT * FROM commits) AS u(p, q, r) ORDER BY 1");
        assertThat(names.relations()).contains(
                new Relation("x", List.of("kinds", "id", "ns", "kind", "ts")),
                new Relation("w", List.of("namespace", "n")),
                new Relation("v", List.of("a", "b")),
                new Relation("u", List.of("p", "q", "r")));
        assertThat(names.columns()).contains("total", "namespace", "n", "kinds");
    }

    @Test
    void aSetOperationHasTheColumnsOfItsFirstQuery() throws SqlParseException {
        StatementNames names = names("SELECT * FROM (SELECT id AS k FROM events UNION ALL SELECT id FROM commits) s");
        assertThat(names.columnsOf("s")).containsExactly("k");
    }

    @Test
    void identifiersAndStarCallsAreFoundByWhereTheyStart() throws SqlParseException {
        StatementNames names = names("SELECT COUNTT(*), ABS(1)\nFROM nope.events");
        assertThat(names.identifierAt(2, 6)).contains(List.of("nope", "events"));
        assertThat(names.identifierAt(2, 7)).isEmpty();
        assertThat(names.functionOfStarAt(1, 15)).contains("COUNTT");
        assertThat(names.functionOfStarAt(1, 14)).isEmpty();
    }

    @Test
    void operandsAreSpelledAsInTheStatementAndBracketedWhenTheyAreOperations() throws SqlParseException {
        String sql = "SELECT MAX(e.ts) - MIN( ts ), ts - (ts - INTERVAL '1' DAY), ts - -x FROM events e";
        StatementNames names = names(sql);
        assertThat(names.operandsAt(SqlKind.MINUS, new SqlParserPos(1, 8, 1, 28)))
                .contains(List.of("MAX(e.ts)", "MIN( ts )"));
        assertThat(names.operandsAt(SqlKind.MINUS, new SqlParserPos(1, 31, 1, 58)))
                .contains(List.of("ts", "(ts - INTERVAL '1' DAY)"));
        assertThat(names.operandsAt(SqlKind.MINUS, new SqlParserPos(1, 61, 1, 67)))
                .contains(List.of("ts", "(-x)"));
        assertThat(names.operandsAt(SqlKind.MINUS, new SqlParserPos(1, 8, 1, 27))).isEmpty();
    }
}
