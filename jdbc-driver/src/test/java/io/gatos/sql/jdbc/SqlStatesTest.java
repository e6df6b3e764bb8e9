package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.ReadOnlyException;
import io.gatos.sql.calcite.exec.QueryStoppedException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {
    @Test
    void classifiesTheFirstCauseThatSaysWhatWentWrong() {
        SQLException wrapper = new SQLException("Error while executing SQL \"x\": boom",
                new RuntimeException(new ArithmeticException("/ by zero")));
        SQLException e = SqlStates.translate(wrapper);
        assertThat(e.getSQLState()).isEqualTo("22012");
        assertThat((Throwable) e).isInstanceOf(SQLDataException.class);
        assertThat(e.getMessage()).isEqualTo("/ by zero");
    }

    @Test
    void anErrorThrownWhileInitialisingGeneratedCodeIsItsCause() {
        SQLException e = SqlStates.translate(new ExceptionInInitializerError(new ArithmeticException("/ by zero")));
        assertThat(e.getSQLState()).isEqualTo("22012");
    }

    @Test
    void stoppedStatementsAndWritesHaveTheirOwnStates() {
        SQLException timeout = SqlStates.translate(new RuntimeException(
                new QueryStoppedException(QueryStoppedException.Reason.TIMED_OUT, 1000, "statement timeout of 1 s exceeded")));
        assertThat((Throwable) timeout).isInstanceOf(SQLTimeoutException.class);
        assertThat(timeout.getSQLState()).isEqualTo("HYT00");
        assertThat(timeout.getMessage()).isEqualTo("statement timeout of 1 s exceeded");
        assertThat(SqlStates.translate(new QueryStoppedException(QueryStoppedException.Reason.CANCELLED, 0, "cancelled"))
                .getSQLState()).isEqualTo("57014");
        SQLException write = SqlStates.translate(new SQLException("Error while executing SQL \"DELETE\"",
                new ReadOnlyException("DELETE")));
        assertThat(write.getSQLState()).isEqualTo("25006");
        assertThat(write.getMessage()).contains("read-only").doesNotContain("Error while executing");
    }

    @Test
    void validationMessagesNameWhatIsMissing() {
        assertThat(SqlStates.validation("From line 1, column 8: Column 'nope' not found in any table")).isEqualTo("42S22");
        assertThat(SqlStates.validation("From line 1, column 15: Object 'nope' not found")).isEqualTo("42S02");
        assertThat(SqlStates.validation("No match found for function signature F(<NUMERIC>)")).isEqualTo("42883");
        assertThat(SqlStates.validation("Expression 'ns' is not being grouped")).isEqualTo("42000");
    }

    @Test
    void numberFormatsAndClosedConnectionsAreClassified() {
        assertThat(SqlStates.translate(new NumberFormatException("For input string: \"x\"")).getSQLState()).isEqualTo("22018");
        SQLException closed = SqlStates.translate(new SQLException("Connection closed"));
        assertThat(closed.getSQLState()).isEqualTo("08003");
        assertThat((Throwable) closed).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(SqlStates.translate(new IllegalStateException("odd")).getSQLState()).isEqualTo("HY000");
    }

    @Test
    void anExceptionWithAStateKeepsIt() {
        SQLException own = new SQLException("mine", "42P01");
        assertThat((Throwable) SqlStates.translate(own)).isSameAs(own);
        SQLException unknown = SqlStates.translate(new SQLException("remote says nothing", "00000"));
        assertThat(unknown.getSQLState()).isEqualTo("HY000");
    }

    @Test
    void remoteExceptionsLoseTheClientsWrapperText() {
        AvaticaSqlException remote = new AvaticaSqlException(
                "Error while executing SQL \"SELEC 1\": Remote driver error: Syntax error at line 1", "42601", -1,
                java.util.List.of("io.gatos.sql.server.RefusedException: Syntax error at line 1"), "127.0.0.1:1");
        SQLException e = SqlStates.translate(remote);
        assertThat((Throwable) e).isInstanceOf(SQLSyntaxErrorException.class);
        assertThat(e.getMessage()).isEqualTo("Syntax error at line 1");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void createPicksTheJdbcSubclassOfTheStatesClass() {
        assertThat((Throwable) SqlStates.create("m", "0A000", null)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat((Throwable) SqlStates.create("m", "08001", null)).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat((Throwable) SqlStates.create("m", "22007", null)).isInstanceOf(SQLDataException.class);
        assertThat(SqlStates.create("m", "57014", null).getClass()).isEqualTo(SQLException.class);
    }
}
