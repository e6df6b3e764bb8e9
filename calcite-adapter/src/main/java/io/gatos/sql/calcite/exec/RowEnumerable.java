package io.gatos.sql.calcite.exec;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Adapts a lazily opened record stream to a Calcite enumerable of rows; each enumerator opens its
 * own stream and closes it on {@link Enumerator#close()}. Stops with a {@link QueryStoppedException}
 * when the statement is cancelled or runs past its query timeout.
 */
public final class RowEnumerable<T> extends AbstractEnumerable<Object[]> {
    private final Supplier<Stream<T>> source;
    private final BiFunction<T, int[], Object[]> toRow;
    private final int[] columns;
    private final StatementGuard guard;
    private final String table;

    public RowEnumerable(String table, Supplier<Stream<T>> source, BiFunction<T, int[], Object[]> toRow, int[] columns,
            StatementGuard guard) {
        this.table = requireNonNull(table, "table");
        this.source = requireNonNull(source, "source");
        this.toRow = requireNonNull(toRow, "toRow");
        this.columns = columns.clone();
        this.guard = requireNonNull(guard, "guard");
    }

    @Override
    public Enumerator<Object[]> enumerator() {
        Stream<T> stream = source.get();
        Iterator<T> it = stream.iterator();
        return new Enumerator<>() {
            private Object[] current;

            @Override
            public Object[] current() {
                return current;
            }

            @Override
            public boolean moveNext() {
                guard.check(table);
                if (!it.hasNext()) {
                    return false;
                }
                current = toRow.apply(it.next(), columns);
                return true;
            }

            @Override
            public void reset() {
                throw new UnsupportedOperationException("a ledger scan cannot be rewound; run the query again");
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }
}
