package io.gatos.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

class SqlErrorsTest {
    private static final SQLException PARSE =
            new SQLException(
                    "parse failed at line 1, column 8.\nWas expecting one of:\n    \"ALL\" ...\n");

    @Test
    void dropsTheParsersExpectedTokensUnlessVerbose() {
        assertThat(SqlErrors.message(PARSE, false))
                .isEqualTo(
                        "parse failed at line 1, column 8. (--verbose lists the expected tokens)");
        assertThat(SqlErrors.message(PARSE, true)).contains("\"ALL\"");
    }

    @Test
    void tellsConnectionErrorsBySqlState() {
        assertThat(SqlErrors.isConnectionError(new SQLException("x", "08001"))).isTrue();
        assertThat(SqlErrors.isConnectionError(new SQLException("x", "42000"))).isFalse();
        assertThat(SqlErrors.isConnectionError(new SQLException("x"))).isFalse();
    }

    @Test
    void fallsBackToTheExceptionWithoutAMessage() {
        assertThat(SqlErrors.message(new SQLException(), false)).isEqualTo("java.sql.SQLException");
    }
}
