package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatetimeDifferenceTest {
    @Test
    void timestampsGiveSecondsOrADayToSecondInterval() {
        assertThat(DatetimeDifference.advice("TIMESTAMP(3)", "TIMESTAMP(0)", "MAX(ts)", "CURRENT_TIMESTAMP"))
                .contains("to subtract timestamps write TIMESTAMPDIFF(SECOND, CURRENT_TIMESTAMP, MAX(ts)) for the "
                        + "number of seconds, or (MAX(ts) - CURRENT_TIMESTAMP) DAY TO SECOND(3) for an interval");
        assertThat(DatetimeDifference.advice("TIMESTAMP_WITH_LOCAL_TIME_ZONE(3)", "TIMESTAMP(3)", "a", "b"))
                .hasValueSatisfying(a -> assertThat(a).startsWith("to subtract timestamps"));
    }

    @Test
    void datesGiveDaysAndTimesGiveSeconds() {
        assertThat(DatetimeDifference.advice("DATE", "DATE", "d1", "d2")).contains("to subtract dates write "
                + "TIMESTAMPDIFF(DAY, d2, d1) for the number of days, or (d1 - d2) DAY for an interval");
        assertThat(DatetimeDifference.advice("TIME(0)", "TIME", "t1", "t2")).contains("to subtract times write "
                + "TIMESTAMPDIFF(SECOND, t2, t1) for the number of seconds, or (t1 - t2) HOUR TO SECOND(3) for an "
                + "interval");
    }

    @Test
    void aDateMixedWithATimestampIsCastToTimestamp() {
        assertThat(DatetimeDifference.advice("TIMESTAMP(3)", "DATE", "ts", "DATE '2026-01-01'")).contains(
                "to subtract timestamps write TIMESTAMPDIFF(SECOND, CAST(DATE '2026-01-01' AS TIMESTAMP), ts) for the "
                        + "number of seconds, or (ts - CAST(DATE '2026-01-01' AS TIMESTAMP)) DAY TO SECOND(3) for an "
                        + "interval");
        assertThat(DatetimeDifference.advice("DATE", "TIMESTAMP(3)", "d", "ts"))
                .hasValueSatisfying(a -> assertThat(a).contains("TIMESTAMPDIFF(SECOND, ts, CAST(d AS TIMESTAMP))"));
    }

    @Test
    void unknownOperandsAreCalledStartAndEnd() {
        assertThat(DatetimeDifference.advice("DATE", "DATE", null, "x")).contains("to subtract dates write "
                + "TIMESTAMPDIFF(DAY, start, end) for the number of days, or (end - start) DAY for an interval");
    }

    @Test
    void otherTypesGetNoAdvice() {
        assertThat(DatetimeDifference.advice("TIME(0)", "DATE", "a", "b")).isEmpty();
        assertThat(DatetimeDifference.advice("TIMESTAMP(3)", "INTEGER", "a", "b")).isEmpty();
        assertThat(DatetimeDifference.advice("VARCHAR", "VARCHAR", "a", "b")).isEmpty();
    }
}
