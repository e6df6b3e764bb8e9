package io.gatos.sql.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsEachUnitAndBareSeconds() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert(" 1H ")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("0")).isZero();
    }

    @Test
    void rejectsOtherFormsNamingTheValue() {
        for (String bad : new String[] {"", "-1s", "1.5s", "10 minutes", "PT1M", "s"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void formatsTheWayItReads() {
        assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("none");
        assertThat(DurationConverter.format(Duration.ofMillis(1_500))).isEqualTo("1500ms");
        assertThat(DurationConverter.format(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationConverter.format(Duration.ofHours(2))).isEqualTo("2h");
    }
}
