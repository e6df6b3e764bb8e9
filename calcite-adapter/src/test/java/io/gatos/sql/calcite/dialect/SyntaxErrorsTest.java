package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxErrorsTest {
    @Test
    void rewordsJavaCcLexicalErrors() {
        assertThat(SyntaxErrors.lexical("Lexical error at line 2, column 8.  Encountered: \"#\" (35), after : \"\""))
                .contains("Syntax error at line 2, column 8: unexpected character \"#\"");
        assertThat(SyntaxErrors.lexical("Lexical error at line 1, column 17.  Encountered: <EOF> after : \"\""))
                .contains("Syntax error at line 1, column 17: the statement ends inside a comment; close it with */");
        assertThat(SyntaxErrors.lexical("something else")).isEmpty();
    }

    @Test
    void namesTheStatementKeywordsInTheOrderOfTheMessage() {
        assertThat(SyntaxErrors.STATEMENT_KEYWORDS).containsExactly("SELECT", "WITH", "VALUES", "EXPLAIN",
                "DESCRIBE");
    }
}
