package io.gatos.sql.calcite.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.junit.jupiter.api.Test;

class StatementGuardTest {
    private static final String FLAG = DataContext.Variable.CANCEL_FLAG.camelName;
    private static final String TIMEOUT = DataContext.Variable.TIMEOUT.camelName;
    private static final String START = DataContext.Variable.UTC_TIMESTAMP.camelName;

    @Test
    void withoutAStatementItNeverStops() {
        assertThat(StatementGuard.of(null).cancelled()).isFalse();
        assertThat(StatementGuard.of(new StubDataContext("not a flag")).cancelled()).isFalse();
        assertThatCode(() -> StatementGuard.none().check("events")).doesNotThrowAnyException();
    }

    @Test
    void readsTheCancelFlagOfTheStatement() {
        AtomicBoolean flag = new AtomicBoolean();
        StatementGuard guard = StatementGuard.of(new StubDataContext(flag));
        assertThatCode(() -> guard.check("events")).doesNotThrowAnyException();
        flag.set(true);
        assertThat(guard.cancelled()).isTrue();
        assertThatThrownBy(() -> guard.check("events")).isInstanceOf(QueryStoppedException.class)
                .satisfies(t -> assertThat(((QueryStoppedException) t).reason())
                        .isEqualTo(QueryStoppedException.Reason.CANCELLED));
    }

    @Test
    void readsTheTimeoutAndStartOfTheStatement() {
        long start = System.currentTimeMillis() - 5_000;
        StatementGuard guard = StatementGuard.of(new StubDataContext(Map.of(TIMEOUT, 2_000L, START, start)));
        assertThat(guard.timeoutMillis()).isEqualTo(2_000);
        assertThat(guard.startMillis()).isEqualTo(start);
        assertThatThrownBy(() -> guard.check("commits")).isInstanceOf(QueryStoppedException.class)
                .hasMessageStartingWith("statement timeout of 2 s exceeded while scanning commits")
                .hasMessageContaining("raise the timeout")
                .satisfies(t -> assertThat(((QueryStoppedException) t).timeoutMillis()).isEqualTo(2_000));
    }

    @Test
    void aTimeoutOfZeroOrAStartInTheFutureIsHarmless() {
        long future = System.currentTimeMillis() + 60_000;
        StatementGuard none = StatementGuard.of(new StubDataContext(Map.of(TIMEOUT, 0L)));
        StatementGuard clamped = StatementGuard.of(new StubDataContext(Map.of(TIMEOUT, 1_000L, START, future)));
        assertThatCode(() -> none.check("events")).doesNotThrowAnyException();
        assertThatCode(() -> clamped.check("events")).doesNotThrowAnyException();
        assertThat(clamped.startMillis()).isLessThan(future);
    }

    @Test
    void findLooksThroughTheCauseChain() {
        QueryStoppedException stop = new QueryStoppedException(QueryStoppedException.Reason.CANCELLED, 0, "x");
        assertThat(QueryStoppedException.find(new RuntimeException(new IllegalStateException(stop)))).isSameAs(stop);
        assertThat(QueryStoppedException.find(new RuntimeException("other"))).isNull();
        assertThat(QueryStoppedException.find(null)).isNull();
    }
}
