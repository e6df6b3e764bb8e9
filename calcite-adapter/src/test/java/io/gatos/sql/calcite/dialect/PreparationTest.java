package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Preparation} through {@link GatosPrepare} on a real Calcite connection. */
class PreparationTest {
    @TempDir
    static Path dir;
    static DialectConnection db;

    @BeforeAll
    static void open() throws SQLException {
        db = DialectConnection.open(dir);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aValidationErrorKeepsItsTypeAndPositionAndGainsAHint() {
        Throwable e = db.failure("SELECT kind\nFROM event");
        assertThat(e).isInstanceOf(CalciteContextException.class)
                .hasMessage("From line 2, column 6 to line 2, column 10: Object 'event' not found; did you mean "
                        + "'events'?")
                .cause().isInstanceOf(SqlValidatorException.class)
                .hasMessage("Object 'event' not found; did you mean 'events'?");
        CalciteContextException context = (CalciteContextException) e;
        assertThat(new int[] {context.getPosLine(), context.getPosColumn(), context.getEndPosLine(),
            context.getEndPosColumn()}).containsExactly(2, 6, 2, 10);
    }

    @Test
    void columnsFunctionsAndTimestampDifferencesGetHintsToo() {
        assertThat(db.failure("SELECT e.kindd FROM events AS e")).hasMessageEndingWith(
                "Column 'kindd' not found in table 'e'; did you mean 'kind'?");
        assertThat(db.failure("SELECT lenght(ns) FROM events")).hasMessageEndingWith(
                "No match found for function signature lenght(<CHARACTER>); did you mean 'LENGTH'?");
        assertThat(db.failure("SELECT COUNTT(*) FROM events")).hasMessage(
                "At line 1, column 15: Unknown identifier '*': no function is named 'COUNTT'; did you mean 'COUNT'?");
        assertThat(db.failure("SELECT MAX(ts) - MIN(ts) AS span FROM events")).hasMessageContaining(
                "'<TIMESTAMP(3)> - <TIMESTAMP(3)>'; to subtract timestamps write TIMESTAMPDIFF(SECOND, MIN(ts), "
                        + "MAX(ts)) for the number of seconds, or (MAX(ts) - MIN(ts)) DAY TO SECOND(3) for an "
                        + "interval. Supported form(s): ");
    }

    @Test
    void anErrorWithNothingNearIsCalcitesOwn() {
        Throwable e = db.failure("SELECT nope FROM events");
        assertThat(e).isInstanceOf(CalciteContextException.class)
                .hasMessage("From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table");
        assertThat(db.failure("SELECT * FROM events WHERE ts = TRUE")).hasMessageEndingWith(
                "Cannot apply '=' to arguments of type '<TIMESTAMP(3)> = <BOOLEAN>'. Supported form(s): "
                        + "'<COMPARABLE_TYPE> = <COMPARABLE_TYPE>'");
    }

    @Test
    void statementsThatWriteAreRefusedBeforeTheyAreValidated() {
        assertThat(db.failure("INSERT INTO nope VALUES (1)")).isInstanceOf(ReadOnlyException.class)
                .hasMessage("gatos-sql is read-only: INSERT is not supported; the ledger is written by GATOS tools");
        assertThat(db.failure("DELETE FROM events")).isInstanceOf(ReadOnlyException.class)
                .hasMessageStartingWith("gatos-sql is read-only: DELETE is not supported");
        assertThat(db.failure("CREATE VIEW v AS SELECT 1")).isInstanceOf(ReadOnlyException.class)
                .hasMessageStartingWith("gatos-sql is read-only: CREATE VIEW is not supported");
    }

    @Test
    void parseErrorsAndQueriesAreLeftToCalcite() throws SQLException {
        assertThat(db.failure("SELEC * FROM events")).hasMessageStartingWith(
                "parse failed: Syntax error at line 1, column 1: a statement starts with SELECT");
        try (Statement s = db.connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void parsingUsesTheConnectionsParser() throws SQLException {
        var config = db.prepareContext().config();
        assertThat(Preparation.parse(config, "SELECT stream FROM events;").getKind()).isEqualTo(SqlKind.SELECT);
        assertThat(Preparation.parse(config, "SELEC 1")).isNull();
    }

    @Test
    void aPlanWithoutTextIsPreparedAsItIs() throws SQLException {
        assertThat(Preparation.prepare(db.prepareContext(), null, () -> "prepared")).isEqualTo("prepared");
    }
}
