package io.gatos.sql.calcite;

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
        RowEnumerable<String> rows = new RowEnumerable<>(source(3), RowEnumerableTest::toRow, columns,
                CancelFlag.of(context(null)));
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
        RowEnumerable<String> rows = new RowEnumerable<>(source(5), RowEnumerableTest::toRow, new int[] {0},
                CancelFlag.of(context(cancel)));
        try (Enumerator<Object[]> e = rows.enumerator()) {
            assertThat(e.moveNext()).isTrue();
            cancel.set(true);
            assertThatThrownBy(e::moveNext).isInstanceOf(IllegalStateException.class)
                    .hasMessage("statement cancelled");
            assertThat(pulled).hasValue(1);
        }
        assertThat(closed).hasValue(1);
    }

    @Test
    void withoutACancelFlagInTheContextItNeverCancels() {
        assertThat(CancelFlag.of(null).cancelled()).isFalse();
        assertThat(CancelFlag.of(context("not a flag")).cancelled()).isFalse();
        assertThat(CancelFlag.of(context(new AtomicBoolean(true))).cancelled()).isTrue();
    }

    @Test
    void resetIsRefused() {
        RowEnumerable<String> rows = new RowEnumerable<>(source(2), RowEnumerableTest::toRow, new int[] {0},
                new CancelFlag(new AtomicBoolean()));
        try (Enumerator<Object[]> e = rows.enumerator()) {
            assertThat(e.moveNext()).isTrue();
            assertThatThrownBy(e::reset).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("run the query again");
        }
    }
}
