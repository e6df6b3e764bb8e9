package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.junit.jupiter.api.Test;

class ColumnSizesTest {
    @Test
    void textWithoutALengthIsUnbounded() {
        assertThat(ColumnSizes.precision(Types.VARCHAR, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ColumnSizes.precision(Types.VARCHAR, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ColumnSizes.precision(Types.VARBINARY, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ColumnSizes.precision(Types.VARCHAR, 26)).isEqualTo(26);
        assertThat(ColumnSizes.precision(Types.BIGINT, 19)).isEqualTo(19);
        assertThat(ColumnSizes.precision(Types.DATE, 0)).as("other types keep Calcite's").isZero();
    }

    @Test
    void displaySizesFitTheLongestValue() {
        assertThat(ColumnSizes.displaySize(Types.VARCHAR, 0, 0, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ColumnSizes.displaySize(Types.CHAR, 3, 0, 3)).isEqualTo(3);
        assertThat(ColumnSizes.displaySize(Types.DECIMAL, 38, 2, 38)).as("sign and point").isEqualTo(40);
        assertThat(ColumnSizes.displaySize(Types.DECIMAL, 5, 0, 5)).isEqualTo(6);
        assertThat(ColumnSizes.displaySize(Types.BIGINT, 19, 0, 19)).isEqualTo(String.valueOf(Long.MIN_VALUE).length());
        assertThat(ColumnSizes.displaySize(Types.INTEGER, 10, 0, 10))
                .isEqualTo(String.valueOf(Integer.MIN_VALUE).length());
        assertThat(ColumnSizes.displaySize(Types.TIMESTAMP, 3, 0, 3)).isEqualTo("2026-01-02 03:04:05.678".length());
        assertThat(ColumnSizes.displaySize(Types.TIMESTAMP, 0, 0, 0)).isEqualTo("2026-01-02 03:04:05".length());
        assertThat(ColumnSizes.displaySize(Types.DATE, 0, 0, 0)).isEqualTo(10);
        assertThat(ColumnSizes.displaySize(Types.BOOLEAN, 1, 0, 1)).isEqualTo("false".length());
        assertThat(ColumnSizes.displaySize(Types.ARRAY, 0, 0, 7)).as("unknown types keep theirs").isEqualTo(7);
    }

    @Test
    void completesASignatureInPlace() {
        ColumnMetaData text = column(0, "ns", Types.VARCHAR, 0, -1);
        ColumnMetaData declared = column(1, "code", Types.VARCHAR, 5, 5);
        List<ColumnMetaData> columns = new ArrayList<>(List.of(text, declared));
        assertThat(ColumnSizes.complete(columns)).isSameAs(columns);
        assertThat(columns.get(0).precision).isEqualTo(Integer.MAX_VALUE);
        assertThat(columns.get(0).displaySize).isEqualTo(Integer.MAX_VALUE);
        assertThat(columns.get(0).label).isEqualTo("ns");
        assertThat(columns.get(0).type).isSameAs(text.type);
        assertThat(columns.get(1)).as("an unchanged column stays").isSameAs(declared);
    }

    private static ColumnMetaData column(int ordinal, String label, int jdbcType, int precision, int displaySize) {
        ColumnMetaData.AvaticaType type = ColumnMetaData.scalar(jdbcType, "VARCHAR", ColumnMetaData.Rep.STRING);
        return new ColumnMetaData(ordinal, false, true, false, false, 1, true, displaySize, label, label, null,
                precision, 0, null, null, type, true, false, false, String.class.getName());
    }
}
