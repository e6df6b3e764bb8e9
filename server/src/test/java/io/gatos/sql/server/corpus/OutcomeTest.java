package io.gatos.sql.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.testing.LedgerTestRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeTest {
    @TempDir
    Path dir;
    LedgerTestRepository ledger;
    Connection connection;

    @BeforeEach
    void open() throws Exception {
        ledger = LedgerTestRepository.create(dir.resolve("ledger.git"));
        ledger.event("orders", "alice", "order.created", "{}");
        ledger.event("billing", "bob", "invoice.sent", "{}");
        connection = DriverManager.getConnection(ledger.jdbcUrl() + ";cache=false");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        ledger.close();
    }

    @Test
    void rendersTheRowsOfAQueryInTheirOrder() {
        Outcome outcome = Outcome.run(connection, query(CorpusCase.Kind.QUERY, "SELECT ns FROM events ORDER BY ns DESC"));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.lines()).containsExactly("ns VARCHAR", "orders", "billing");
    }

    @Test
    void sortsTheRowsOfARowsortCaseButNotItsHeader() {
        Outcome outcome = Outcome.run(connection, query(CorpusCase.Kind.QUERY_ROWSORT, "SELECT ns FROM events ORDER BY ns DESC"));

        assertThat(outcome.lines()).containsExactly("ns VARCHAR", "billing", "orders");
        assertThat(Outcome.sortRows(List.of("h", "b", "a"))).containsExactly("h", "a", "b");
    }

    @Test
    void reportsAnErrorByItsNormalisedMessage() {
        Outcome outcome = Outcome.run(connection, query(CorpusCase.Kind.ERROR, "SELECT nope FROM events"));

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.lines()).containsExactly("From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table");
        assertThat(outcome.describe()).startsWith("error:\n");
    }

    @Test
    void matchesOnlyTheExpectedKindAndBlock() {
        CorpusCase rows = query(CorpusCase.Kind.QUERY, "SELECT 1").withExpected(List.of("h", "a", "b"));
        CorpusCase anyOrder = query(CorpusCase.Kind.QUERY_ROWSORT, "SELECT 1").withExpected(List.of("h", "b", "a"));
        CorpusCase error = query(CorpusCase.Kind.ERROR, "SELECT 1").withExpected(List.of("h", "a", "b"));
        Outcome outcome = new Outcome(false, List.of("h", "a", "b"));

        assertThat(outcome.matches(rows)).isTrue();
        assertThat(outcome.matches(anyOrder)).as("a hand-written rowsort block need not be sorted").isTrue();
        assertThat(outcome.matches(error)).as("rows where an error is expected").isFalse();
        assertThat(new Outcome(true, List.of("h", "a", "b")).matches(rows)).isFalse();
        assertThat(outcome.matches(rows.withExpected(List.of()))).as("nothing recorded").isFalse();
    }

    private static CorpusCase query(CorpusCase.Kind kind, String sql) {
        return new CorpusCase("t.test", 1, kind, sql, List.of(), 2, 2);
    }
}
