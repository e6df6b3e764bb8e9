package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameSizeTest {
    @Test
    void keepsAPositiveFetchSize() {
        assertThat(FrameSize.rows(1)).isEqualTo(1);
        assertThat(FrameSize.rows(1000)).isEqualTo(1000);
    }

    @Test
    void givesAvaticasDefaultFrameForZeroOrNegative() {
        assertThat(FrameSize.rows(0)).as("JdbcMeta would read 0 as an empty, finished result").isEqualTo(100);
        assertThat(FrameSize.rows(-1)).isEqualTo(100);
        assertThat(FrameSize.rows(Integer.MIN_VALUE)).isEqualTo(FrameSize.DEFAULT);
    }
}
