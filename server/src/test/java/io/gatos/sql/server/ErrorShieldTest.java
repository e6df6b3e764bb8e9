package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.ReadOnlyException;
import java.sql.SQLException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.junit.jupiter.api.Test;

class ErrorShieldTest {
    @Test
    void aFailureBecomesAMessageAndAStateWithoutAStack() {
        Throwable shielded = ErrorShield.shielded(new RuntimeException(
                new SQLException("Error while executing SQL \"DELETE\"", new ReadOnlyException("DELETE"))));
        assertThat(shielded).isInstanceOf(RefusedException.class);
        RefusedException refused = (RefusedException) shielded;
        assertThat(refused.getSqlState()).isEqualTo("25006");
        assertThat(refused.getMessage()).startsWith("gatos-sql is read-only");
        assertThat(refused.getStackTrace()).isEmpty();
        assertThat(refused.getCause()).isNull();
    }

    @Test
    void anErrorInsideAStatementIsAnErrorResponseNotAnHtmlPage() {
        Throwable shielded = ErrorShield.shielded(new ExceptionInInitializerError(new ArithmeticException("/ by zero")));
        assertThat(((RefusedException) shielded).getSqlState()).isEqualTo("22012");
    }

    @Test
    void whatAvaticasClientRecoversFromPassesThrough() {
        NoSuchConnectionException missing = new NoSuchConnectionException("c1");
        assertThat(ErrorShield.shielded(missing)).isSameAs(missing);
        OutOfMemoryError oom = new OutOfMemoryError();
        assertThat(ErrorShield.shielded(oom)).isSameAs(oom);
    }
}
