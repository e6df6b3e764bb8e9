package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatos.sql.calcite.dialect.PostgresInterval.Single;
import io.gatos.sql.calcite.dialect.PostgresInterval.Unit;
import org.junit.jupiter.api.Test;

class PostgresIntervalTest {
    @Test
    void readsOneSignedWholeCountAndOneUnitInAnyCase() {
        assertThat(PostgresInterval.single("7 days")).contains(new Single("7", Unit.DAY));
        assertThat(PostgresInterval.single("1 day")).contains(new Single("1", Unit.DAY));
        assertThat(PostgresInterval.single(" -3 Minutes ")).contains(new Single("-3", Unit.MINUTE));
        assertThat(PostgresInterval.single("+5 SECOND")).contains(new Single("5", Unit.SECOND));
        assertThat(PostgresInterval.single("2hours")).contains(new Single("2", Unit.HOUR));
        assertThat(PostgresInterval.single("1 week")).contains(new Single("1", Unit.WEEK));
        assertThat(PostgresInterval.single("10 years")).contains(new Single("10", Unit.YEAR));
        assertThat(PostgresInterval.single("6 months")).contains(new Single("6", Unit.MONTH));
    }

    @Test
    void leavesEverythingElseAlone() {
        assertThat(PostgresInterval.single("7")).isEmpty();
        assertThat(PostgresInterval.single("1.5 hours")).isEmpty();
        assertThat(PostgresInterval.single("1 day 2 hours")).isEmpty();
        assertThat(PostgresInterval.single("3 fortnights")).isEmpty();
        assertThat(PostgresInterval.single("5 mins")).isEmpty();
        assertThat(PostgresInterval.single("days")).isEmpty();
        assertThat(PostgresInterval.single("")).isEmpty();
    }

    @Test
    void advisesTheRangeFormAndTheTotalForSeveralUnits() {
        assertThat(PostgresInterval.advice("'1 day 2 hours'", "1 day 2 hours")).isEqualTo("INTERVAL '1 day 2 hours' "
                + "needs its unit after the quotes: write INTERVAL '1 2' DAY TO HOUR or INTERVAL '26' HOUR");
        assertThat(PostgresInterval.advice("'x'", "3 hours 15 minutes")).endsWith(
                "write INTERVAL '3:15' HOUR TO MINUTE or INTERVAL '195' MINUTE");
        assertThat(PostgresInterval.advice("'x'", "1 day 30 seconds")).endsWith(
                "write INTERVAL '1 0:0:30' DAY TO SECOND or INTERVAL '86430' SECOND");
        assertThat(PostgresInterval.advice("'x'", "1 year 3 months")).endsWith(
                "write INTERVAL '1-3' YEAR TO MONTH or INTERVAL '15' MONTH");
        assertThat(PostgresInterval.advice("'x'", "-1 day -2 hours")).endsWith(
                "write INTERVAL '-1 2' DAY TO HOUR or INTERVAL '-26' HOUR");
    }

    @Test
    void advisesOneLiteralWhenTheUnitsCollapseOrTheSignsDiffer() {
        assertThat(PostgresInterval.advice("'x'", "1 week 2 days")).endsWith("write INTERVAL '9' DAY");
        assertThat(PostgresInterval.advice("'x'", "1 day -2 hours")).endsWith("write INTERVAL '22' HOUR");
        assertThat(PostgresInterval.advice("'x'", "1 month, 2 days")).endsWith(
                "write INTERVAL '1' MONTH + INTERVAL '2' DAY");
    }

    @Test
    void givesTheGeneralHintForTextItCannotRead() {
        String hint = "needs a unit after the quotes: write INTERVAL '7' DAY, INTERVAL '7 days' (one whole count "
                + "and one unit) or INTERVAL '1 2' DAY TO HOUR";
        assertThat(PostgresInterval.advice("'7'", "7")).isEqualTo("INTERVAL '7' " + hint);
        assertThat(PostgresInterval.advice("'x'", "1.5 hours")).endsWith(hint);
        assertThat(PostgresInterval.advice("'x'", "1 day 2 days")).endsWith(hint);
        assertThat(PostgresInterval.advice("'x'", "999999999999999 weeks 1 second")).endsWith(hint);
        assertThat(PostgresInterval.advice("'x'", "1 day and 2 hours")).endsWith(hint);
    }
}
