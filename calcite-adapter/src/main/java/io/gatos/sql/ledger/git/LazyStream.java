package io.gatos.sql.ledger.git;

import io.gatos.sql.ledger.LedgerException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Builds lazy, sequential streams from a "compute the next element" function, so a scan reads the
 * repository only as far as its consumer pulls. Closing the stream closes the given resource.
 */
public final class LazyStream {
    private LazyStream() {
    }

    /** Produces the next element, or null at the end. */
    @FunctionalInterface
    public interface Source<T> {
        /** Returns the next element, or null when there is none. */
        T next() throws java.io.IOException;
    }

    /** Returns a stream pulling from {@code source}; closing it closes {@code resource} (nullable). */
    public static <T> Stream<T> of(Source<T> source, AutoCloseable resource) {
        Iterator<T> it = new Iterator<>() {
            private T next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = source.next();
                    } catch (java.io.IOException e) {
                        throw new LedgerException(LedgerException.Code.IO, "reading the repository failed: "
                                + e.getMessage(), e);
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T out = next;
                next = null;
                return out;
            }
        };
        Stream<T> stream = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return resource == null ? stream : stream.onClose(() -> closeQuietly(resource));
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a scan failed", e);
        }
    }
}
