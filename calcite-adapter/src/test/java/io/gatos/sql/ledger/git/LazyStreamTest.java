package io.gatos.sql.ledger.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.ledger.LedgerException;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LazyStreamTest {
    /** Yields 1..{@code n}, counting calls. */
    private static final class Counting implements LazyStream.Source<Integer> {
        private final int n;
        int calls;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public Integer next() {
            calls++;
            return calls <= n ? calls : null;
        }
    }

    @Test
    void pullsOnlyAsFarAsTheConsumer() {
        Counting source = new Counting(1_000);
        try (Stream<Integer> s = LazyStream.of(source, null)) {
            assertThat(source.calls).as("building the stream reads nothing").isZero();
            assertThat(s.findFirst()).contains(1);
            assertThat(source.calls).isEqualTo(1);
        }
        Counting limited = new Counting(1_000);
        try (Stream<Integer> s = LazyStream.of(limited, null)) {
            assertThat(s.limit(3).toList()).containsExactly(1, 2, 3);
        }
        assertThat(limited.calls).isEqualTo(3);
    }

    @Test
    void endsAtTheFirstNullAndDoesNotAskAgain() {
        Counting source = new Counting(2);
        Iterator<Integer> it = LazyStream.of(source, null).iterator();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.hasNext()).isTrue();
        assertThat(source.calls).as("hasNext is idempotent").isEqualTo(1);
        assertThat(it.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        assertThat(it.hasNext()).isFalse();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(source.calls).isEqualTo(3);
    }

    @Test
    void closingTheStreamClosesTheResourceOnce() {
        AtomicInteger closed = new AtomicInteger();
        Stream<Integer> s = LazyStream.of(new Counting(3), closed::incrementAndGet);
        assertThat(s.map(i -> i * 10).toList()).containsExactly(10, 20, 30);
        assertThat(closed).as("exhausting is not closing").hasValue(0);
        s.close();
        s.close();
        assertThat(closed).hasValue(1);

        AtomicInteger unread = new AtomicInteger();
        Counting source = new Counting(3);
        LazyStream.of(source, unread::incrementAndGet).close();
        assertThat(unread).hasValue(1);
        assertThat(source.calls).isZero();

        LazyStream.of(new Counting(1), null).close();
    }

    @Test
    void anIoExceptionBecomesALedgerExceptionWithCodeIo() {
        IOException boom = new IOException("disk on fire");
        LazyStream.Source<String> failing = () -> {
            throw boom;
        };
        try (Stream<String> s = LazyStream.of(failing, null)) {
            assertThatThrownBy(s::toList).isInstanceOfSatisfying(LedgerException.class,
                    e -> assertThat(e.code()).isEqualTo(LedgerException.Code.IO))
                    .hasMessage("reading the repository failed: disk on fire").hasCause(boom);
        }
    }

    @Test
    void aFailingCloseIsReported() {
        Exception cause = new Exception("cannot release");
        Stream<Integer> s = LazyStream.of(new Counting(0), () -> {
            throw cause;
        });
        assertThatThrownBy(s::close).isInstanceOf(IllegalStateException.class).hasMessage("closing a scan failed")
                .hasCause(cause);
    }
}
