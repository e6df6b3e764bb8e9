package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class ReadOnlyStatementsTest {
    private static String writing(String sql) throws SqlParseException {
        return ReadOnlyStatements.writing(SqlParser.create(sql, SqlParser.config()
                .withParserFactory(GatosParser.FACTORY).withQuoting(Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.UNCHANGED)).parseStmt()).orElse("reads");
    }

    @Test
    void parsedStatementsThatWriteAreToldByTheirKind() throws SqlParseException {
        assertThat(writing("INSERT INTO events (id) VALUES ('x')")).isEqualTo("INSERT");
        assertThat(writing("UPSERT INTO events (id) VALUES ('x')")).isEqualTo("UPSERT");
        assertThat(writing("UPDATE events SET ns = 'x' WHERE id = 'y'")).isEqualTo("UPDATE");
        assertThat(writing("DELETE FROM events;")).isEqualTo("DELETE");
        assertThat(writing("MERGE INTO events e USING events f ON e.id = f.id WHEN MATCHED THEN UPDATE SET ns = 'x'"))
                .isEqualTo("MERGE");
        assertThat(writing("EXPLAIN PLAN FOR DELETE FROM events")).isEqualTo("DELETE");
    }

    @Test
    void queriesRead() throws SqlParseException {
        assertThat(writing("SELECT * FROM events")).isEqualTo("reads");
        assertThat(writing("WITH x AS (SELECT 1) SELECT * FROM x ORDER BY 1")).isEqualTo("reads");
        assertThat(writing("EXPLAIN PLAN FOR SELECT * FROM events")).isEqualTo("reads");
        assertThat(writing("VALUES (1)")).isEqualTo("reads");
    }

    @Test
    void unparsedTextIsToldByItsFirstWords() {
        assertThat(ReadOnlyStatements.writing("CREATE TABLE t (i INTEGER)")).contains("CREATE TABLE");
        assertThat(ReadOnlyStatements.writing("  -- drop it\n/* now */ drop\n view v")).contains("DROP VIEW");
        assertThat(ReadOnlyStatements.writing("create or replace view v as select 1")).contains("CREATE");
        assertThat(ReadOnlyStatements.writing("Truncate events")).contains("TRUNCATE");
        assertThat(ReadOnlyStatements.writing("GRANT SELECT ON events TO bob")).contains("GRANT");
        assertThat(ReadOnlyStatements.writing("INSERT INTO events VALUES (")).contains("INSERT");
    }

    @Test
    void otherTextIsNotToldToWrite() {
        assertThat(ReadOnlyStatements.writing("SELEC * FROM events")).isEmpty();
        assertThat(ReadOnlyStatements.writing("SHOW TABLES")).isEmpty();
        assertThat(ReadOnlyStatements.writing("  ")).isEmpty();
        assertThat(ReadOnlyStatements.writing("-- CREATE TABLE t")).isEmpty();
        assertThat(ReadOnlyStatements.writing("CREATED")).isEmpty();
    }
}
