package io.gatos.sql.calcite.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;

class RowEnumerableTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger pulled = new AtomicInteger();

    /** Opens a stream of "r0".."r{n-1}", counting opens, pulls and closes. */
    private Supplier<Stream<String>> source(int n) {
        return () -> {
            opened.incrementAndGet();
            return Stream.iterate(0, i -> i < n, i -> i + 1).peek(i -> pulled.incrementAndGet()).map(i -> "r" + i)
                    .onClose(closed::incrementAndGet);
        };
    }

    private static Object[] toRow(String record, int[] columns) {
        Object[] row = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            row[i] = record + ":" + columns[i];
        }
        return row;
    }

    private static DataContext context(Object cancelFlag) {
        return new StubDataContext(cancelFlag);
    }

    @Test
    void eachEnumeratorOpensItsOwnStreamWhenCreatedAndClosesItOnClose() {
        int[] columns = {2, 0};
        RowEnumerable<String> rows = new RowEnumerable<>("events", source(3), RowEnumerableTest::toRow, columns,
                StatementGuard.of(context(null)));
        columns[0] = 99;
        assertThat(opened).as("building the enumerable opens nothing").hasValue(0);

        Enumerator<Object[]> first = rows.enumerator();
        assertThat(opened).hasValue(1);
        assertThat(pulled).as("opening reads nothing").hasValue(0);
        assertThat(first.moveNext()).isTrue();
        assertThat(first.current()).containsExactly("r0:2", "r0:0");
        assertThat(pulled).hasValue(1);

        Enumerator<Object[]> second = rows.enumerator();
        assertThat(opened).hasValue(2);
        List<String> all = new ArrayList<>();
        while (second.moveNext()) {
            all.add((String) second.current()[1]);
        }
        assertThat(all).containsExactly("r0:0", "r1:0", "r2:0");
        assertThat(closed).hasValue(0);

        second.close();
        assertThat(closed).hasValue(1);
        first.close();
        assertThat(closed).hasValue(2);
    }

    @Test
    void aSetCancelFlagStopsMoveNextWithAnError() {
        AtomicBoolean cancel = new AtomicBoolean();
        RowEnumerable<String> rows = new RowEnumerable<>("events", source(5), RowEnumerableTest::toRow, new int[] {0},
                StatementGuard.of(context(cancel)));
        try (Enumerator<Object[]> e = rows.enumerator()) {
            assertThat(e.moveNext()).isTrue();
            cancel.set(true);
            assertThatThrownBy(e::moveNext).isInstanceOf(QueryStoppedException.class)
                    .hasMessage("statement cancelled while scanning events");
            assertThat(pulled).hasValue(1);
        }
        assertThat(closed).hasValue(1);
    }

    @Test
    void aScanPastItsTimeoutStopsWithATimeoutNamingTheTable() {
        long[] now = {1_000};
        StatementGuard guard = new StatementGuard(new AtomicBoolean(), 500, 1_000, () -> now[0]);
        RowEnumerable<String> rows = new RowEnumerable<>("shiplog", source(5), RowEnumerableTest::toRow,
                new int[] {0}, guard);
        try (Enumerator<Object[]> e = rows.enumerator()) {
            assertThat(e.moveNext()).isTrue();
            now[0] = 1_501;
            assertThatThrownBy(e::moveNext).isInstanceOf(QueryStoppedException.class)
                    .hasMessageStartingWith("statement timeout of 0.5 s exceeded while scanning shiplog")
                    .satisfies(t -> assertThat(((QueryStoppedException) t).reason())
                            .isEqualTo(QueryStoppedException.Reason.TIMED_OUT));
        }
    }

    @Test
    void resetIsRefused() {
        RowEnumerable<String> rows = new RowEnumerable<>("events", source(2), RowEnumerableTest::toRow, new int[] {0},
                StatementGuard.none());
        try (Enumerator<Object[]> e = rows.enumerator()) {
            assertThat(e.moveNext()).isTrue();
            assertThatThrownBy(e::reset).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("run the query again");
        }
    }
}
