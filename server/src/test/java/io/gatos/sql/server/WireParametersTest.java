package io.gatos.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;
import org.junit.jupiter.api.Test;

class WireParametersTest {
    @Test
    void aTimestampOnTheWireBecomesItsInstantAndTheJvmZoneCannotShiftIt() {
        long millis = Instant.parse("2026-01-01T20:00:00Z").toEpochMilli();
        List<TypedValue> out = WireParameters.asInstants(List.of(
                TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP, millis),
                TypedValue.ofLocal(ColumnMetaData.Rep.STRING, "x"),
                TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_DATE, 20454)));
        assertThat(out.get(0).toJdbc(java.util.Calendar.getInstance())).isEqualTo(Instant.ofEpochMilli(millis));
        assertThat(out.get(1).value).isEqualTo("x");
        assertThat(out.get(2).type).isEqualTo(ColumnMetaData.Rep.JAVA_SQL_DATE);
    }

    @Test
    void nullsStayNull() {
        assertThat(WireParameters.asInstants(null)).isNull();
        List<TypedValue> out = WireParameters.asInstants(Arrays.asList(
                TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP, null), null));
        assertThat(out.get(0).value).isNull();
        assertThat(out.get(1)).isNull();
    }
}
