package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultCapTest {
    private final ResultCap none = new ResultCap(0);
    private final ResultCap ten = new ResultCap(10);

    @Test
    void withoutACapEverythingPassesUnchanged() {
        assertThat(none.engineLimit(-1)).isEqualTo(-1);
        assertThat(none.frameSize(500, 100)).isEqualTo(100);
        assertThatCode(() -> none.check(1_000_000, 100)).doesNotThrowAnyException();
    }

    @Test
    void asksTheEngineForOneRowMoreThanTheCap() {
        assertThat(ten.engineLimit(-1)).isEqualTo(11);
        assertThat(ten.engineLimit(5)).as("a smaller client limit wins").isEqualTo(5);
        assertThat(ten.engineLimit(50)).isEqualTo(11);
        assertThat(ten.engineLimit(0)).as("0 means leave as is").isZero();
    }

    @Test
    void framesStopAtTheRowAfterTheCap() {
        assertThat(ten.frameSize(0, -1)).isEqualTo(11);
        assertThat(ten.frameSize(0, 4)).isEqualTo(4);
        assertThat(ten.frameSize(8, 100)).isEqualTo(3);
        assertThat(ten.frameSize(11, 100)).as("always at least one row").isEqualTo(1);
    }

    @Test
    void refusesTheFrameThatPassesTheCap() {
        assertThatCode(() -> ten.check(0, 10)).doesNotThrowAnyException();
        assertThatCode(() -> ten.check(6, 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ten.check(8, 3)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("more than 10 rows")
                .satisfies(e -> assertThat(((RefusedException) e).getSqlState()).isEqualTo("54000"));
    }

    @Test
    void rejectsANegativeCap() {
        assertThatThrownBy(() -> new ResultCap(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
