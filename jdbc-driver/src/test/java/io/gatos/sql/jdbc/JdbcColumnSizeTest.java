package io.gatos.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class JdbcColumnSizeTest {
    @Test
    void sizesColumnsAsResultSetMetaDataDoes() {
        assertThat(JdbcColumnSize.of(Types.VARCHAR, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(JdbcColumnSize.of(Types.VARCHAR, 12)).isEqualTo(12);
        assertThat(JdbcColumnSize.of(Types.BIGINT, -1)).isEqualTo(19);
        assertThat(JdbcColumnSize.of(Types.INTEGER, null)).isEqualTo(10);
        assertThat(JdbcColumnSize.of(Types.BOOLEAN, -1)).isEqualTo(1);
        assertThat(JdbcColumnSize.of(Types.TIMESTAMP, 3)).isEqualTo(3);
        assertThat(JdbcColumnSize.of(Types.DECIMAL, 38)).isEqualTo(38);
        assertThat(JdbcColumnSize.of(Types.ARRAY, -1)).as("a type without a size").isNull();
    }

    @Test
    void integersHaveNoDecimalDigitsAndOnlyTextHasOctets() {
        assertThat(JdbcColumnSize.decimalDigits(Types.BIGINT, null)).isZero();
        assertThat(JdbcColumnSize.decimalDigits(Types.DECIMAL, 2)).isEqualTo(2);
        assertThat(JdbcColumnSize.decimalDigits(Types.TIMESTAMP, null)).isNull();
        assertThat(JdbcColumnSize.charOctetLength(Types.VARCHAR, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(JdbcColumnSize.charOctetLength(Types.BIGINT, 19)).isNull();
    }
}
