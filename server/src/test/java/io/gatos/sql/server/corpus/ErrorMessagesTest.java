package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorMessagesTest {
    static final String SQL = "SELECT * FROM nope";
    static final String MESSAGE = "From line 1, column 15 to line 1, column 18: Object 'nope' not found";

    @TempDir
    Path dir;

    @Test
    void keepsTheEmbeddedDriversMessageWhichHasNoPrefix() throws Exception {
        try (LedgerTestRepository ledger = LedgerTestRepository.create(dir.resolve("ledger.git"))) {
            ledger.event("orders", "alice", "order.created", "{}");
            try (Connection c = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false");
                    Statement st = c.createStatement()) {
                Throwable error = catchThrowable(() -> st.executeQuery(SQL));

                assertThat(error).isInstanceOf(SQLException.class).hasMessage(MESSAGE);
                assertThat(ErrorMessages.normalise(error, SQL)).isEqualTo(MESSAGE);
                assertThat(ErrorMessages.normalise(new SQLException("Error while executing SQL \"" + SQL + "\": "
                        + MESSAGE), SQL)).as("Calcite's own prefix, as older drivers sent it").isEqualTo(MESSAGE);
            }
        }
    }

    @Test
    void takesOffTheRemoteClientsWrappersAndTheServersCauses() {
        String remote = "Error -1 (00000) : Error while executing SQL \"" + SQL + "\": Remote driver error: "
                + "RuntimeException: java.sql.SQLException: Error while executing SQL \"" + SQL + "\": " + MESSAGE
                + " -> SQLException: Error while executing SQL \"" + SQL + "\": " + MESSAGE
                + " -> CalciteContextException: " + MESSAGE + " -> SqlValidatorException: Object 'nope' not found";

        assertThat(ErrorMessages.normalise(new SQLException(remote), SQL)).isEqualTo(MESSAGE);
    }

    @Test
    void keepsTheFirstLineOfAMultiLineMessage() {
        SQLException error = new SQLException("Error while executing SQL \"SELEC 1\": parse failed: Encountered \"1\""
                + " at line 1, column 7.\nWas expecting one of:\n    <EOF>\n");

        assertThat(ErrorMessages.normalise(error, "SELEC 1")).isEqualTo("parse failed: Encountered \"1\" at line 1, column 7.");
    }

    @Test
    void dropsExceptionClassNamesOfUncheckedErrors() {
        assertThat(ErrorMessages.normalise(new RuntimeException("java.lang.NumberFormatException: For input string: \"abc\""),
                "SELECT 1")).isEqualTo("For input string: \"abc\"");
        assertThat(ErrorMessages.normalise(new ArithmeticException("/ by zero"), "SELECT 1")).isEqualTo("/ by zero");
    }

    @Test
    void namesTheClassOfAnErrorWithoutMessage() {
        assertThat(ErrorMessages.normalise(new IllegalStateException(), "SELECT 1")).isEqualTo("IllegalStateException");
        assertThat(ErrorMessages.lines(new SQLException("a|b"), "SELECT 1")).containsExactly("a\\|b");
    }

    @Test
    void hidesPlannerNodeIdsThatDifferFromRunToRun() {
        assertThat(ErrorMessages.normalise(new SQLException("Unable to implement EnumerableWindow(a): rowcount = 1.0,"
                + " id = 55\n  EnumerableAggregate: id = 53"), "SELECT 1"))
                .isEqualTo("Unable to implement EnumerableWindow(a): rowcount = 1.0, id = N");
    }
}
