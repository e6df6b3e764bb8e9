package io.gatos.sql.materialize.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatos.sql.materialize.MaterializeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
    @Test
    void parsesAColumnOrYearMonthOfAColumn() {
        assertThat(PartitionSpec.parse("ns")).isEqualTo(new PartitionSpec("ns", false));
        assertThat(PartitionSpec.parse(" YEAR-MONTH( ts ) ")).isEqualTo(new PartitionSpec("ts", true));
        assertThat(PartitionSpec.parse("year-month(ts)")).hasToString("year-month(ts)");
        assertThatThrownBy(() -> PartitionSpec.parse("month(ts)")).isInstanceOf(MaterializeException.class)
                .hasMessage("--partition-by 'month(ts)' must be a column name or year-month(COLUMN)");
    }

    @Test
    void namesUtcYearAndMonthDirectoriesOfTimestampsAndDates() {
        PartitionSpec spec = PartitionSpec.parse("year-month(ts)");
        long lastMsOf2025 = Instant.parse("2025-12-31T23:59:59.999Z").toEpochMilli();

        assertThat(spec.directories(lastMsOf2025, ParquetKind.TIMESTAMP)).containsExactly("year=2025", "month=12");
        assertThat(spec.directories(lastMsOf2025 + 1, ParquetKind.TIMESTAMP)).containsExactly("year=2026", "month=01");
        assertThat(spec.directories(LocalDate.of(2025, 9, 30), ParquetKind.DATE)).containsExactly("year=2025", "month=09");
        assertThat(spec.directories((int) LocalDate.of(2025, 9, 30).toEpochDay(), ParquetKind.DATE))
                .containsExactly("year=2025", "month=09");
        assertThat(spec.directories(null, ParquetKind.DATE))
                .containsExactly("year=__HIVE_DEFAULT_PARTITION__", "month=__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void escapesValuesAsHiveDoesAndNamesNullAndEmptyTheDefaultPartition() {
        PartitionSpec spec = PartitionSpec.parse("ns");

        assertThat(spec.directories("a/b=c%d e", ParquetKind.STRING)).containsExactly("ns=a%2Fb%3Dc%25d e");
        assertThat(spec.directories(42L, ParquetKind.INT64)).containsExactly("ns=42");
        assertThat(spec.directories(20389, ParquetKind.DATE)).containsExactly("ns=2025-10-28");
        assertThat(spec.directories(null, ParquetKind.STRING)).isEqualTo(List.of("ns=__HIVE_DEFAULT_PARTITION__"));
        assertThat(spec.directories("", ParquetKind.STRING)).isEqualTo(List.of("ns=__HIVE_DEFAULT_PARTITION__"));
    }

    @Test
    void refusesKindsWithoutAnExactDirectoryForm() {
        assertThatThrownBy(() -> PartitionSpec.parse("ts").check(ParquetKind.TIMESTAMP))
                .hasMessageContaining("use year-month(ts) for a TIMESTAMP");
        assertThatThrownBy(() -> PartitionSpec.parse("x").check(ParquetKind.DOUBLE))
                .isInstanceOf(MaterializeException.class);
        assertThatThrownBy(() -> PartitionSpec.parse("year-month(ns)").check(ParquetKind.STRING))
                .hasMessageContaining("year-month() needs a DATE or TIMESTAMP column");
    }
}
