package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static Double cont(double fraction, boolean descending, double... values) {
        Percentiles.Cont f = new Percentiles.Cont();
        Percentiles.Values acc = f.init();
        for (double v : values) {
            f.add(acc, v, fraction, descending);
        }
        return f.result(acc);
    }

    private static Double disc(double fraction, boolean descending, double... values) {
        Percentiles.Disc f = new Percentiles.Disc();
        Percentiles.Values acc = f.init();
        for (double v : values) {
            f.add(acc, v, fraction, descending);
        }
        return f.result(acc);
    }

    @Test
    void interpolatesAsPostgresPercentileContDoes() {
        assertThat(cont(0.5, false, 4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(cont(0.25, false, 10, 20, 30, 40, 50)).isEqualTo(20.0);
        assertThat(cont(0.1, false, 1, 2)).isEqualTo(1.1);
        assertThat(cont(0, false, 7, 3, 5)).isEqualTo(3.0);
        assertThat(cont(1, false, 7, 3, 5)).isEqualTo(7.0);
        assertThat(cont(0.9, true, 10, 20, 30, 40, 50)).isEqualTo(cont(0.1, false, 10, 20, 30, 40, 50));
    }

    @Test
    void takesTheFirstValueReachingTheFractionAsPostgresPercentileDiscDoes() {
        assertThat(disc(0.5, false, 4, 1, 3, 2)).isEqualTo(2.0);
        assertThat(disc(0.51, false, 4, 1, 3, 2)).isEqualTo(3.0);
        assertThat(disc(0, false, 4, 1, 3, 2)).isEqualTo(1.0);
        assertThat(disc(1, false, 4, 1, 3, 2)).isEqualTo(4.0);
        assertThat(disc(0.25, true, 4, 1, 3, 2)).isEqualTo(4.0);
    }

    @Test
    void givesNullWithoutValuesAndRefusesAFractionOutsideZeroToOne() {
        assertThat(cont(0.5, false)).isNull();
        assertThat(disc(0.5, false)).isNull();
        assertThatThrownBy(() -> cont(1.5, false, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the fraction of a percentile must be between 0 and 1, not 1.5");
        assertThatThrownBy(() -> cont(-0.1, false, 1)).hasMessageContaining("not -0.1");
    }

    @Test
    void growsPastItsInitialCapacity() {
        double[] many = new double[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = many.length - i;
        }
        assertThat(cont(0.5, false, many)).isEqualTo(501.0);
    }
}
