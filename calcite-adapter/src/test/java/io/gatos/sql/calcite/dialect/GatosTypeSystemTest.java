package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class GatosTypeSystemTest {
    private final RelDataTypeFactory types = new JavaTypeFactoryImpl(GatosTypeSystem.INSTANCE);
    private final GatosTypeSystem system = GatosTypeSystem.INSTANCE;

    private RelDataType decimal(int precision, int scale) {
        return types.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }

    @Test
    void textOfDifferentLengthsMeetsAsVarchar() {
        RelDataType common = types.leastRestrictive(List.of(types.createSqlType(SqlTypeName.CHAR, 1),
                types.createSqlType(SqlTypeName.CHAR, 5)));
        assertThat(common.getSqlTypeName()).isEqualTo(SqlTypeName.VARCHAR);
        assertThat(common.getPrecision()).isEqualTo(5);
    }

    @Test
    void averagesIntegersAsDoublesAndKeepsOtherTypes() {
        for (SqlTypeName integer : new SqlTypeName[] {SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.SMALLINT}) {
            assertThat(system.deriveAvgAggType(types, types.createSqlType(integer)).getSqlTypeName())
                    .isEqualTo(SqlTypeName.DOUBLE);
        }
        assertThat(system.deriveAvgAggType(types, decimal(10, 2))).isEqualTo(decimal(10, 2));
        assertThat(system.deriveAvgAggType(types, decimal(38, 2))).isEqualTo(decimal(38, 2));
        RelDataType real = types.createSqlType(SqlTypeName.DOUBLE);
        assertThat(system.deriveAvgAggType(types, real)).isEqualTo(real);
    }

    @Test
    void declaresDecimalsOfUpTo38Digits() {
        assertThat(decimal(38, 2).getPrecision()).as("Calcite's 19 narrowed it").isEqualTo(38);
        assertThat(decimal(30, 20).getScale()).isEqualTo(20);
        assertThat(decimal(40, 2).getPrecision()).isEqualTo(38);
        assertThat(types.createSqlType(SqlTypeName.DECIMAL).getPrecision()).isEqualTo(38);
    }

    @Test
    void sumsDecimalsIn38DigitsWithTheirScale() {
        assertThat(system.deriveSumType(types, decimal(38, 2))).isEqualTo(decimal(38, 2));
        assertThat(system.deriveSumType(types, decimal(10, 2))).isEqualTo(decimal(38, 2));
        assertThat(system.deriveSumType(types, decimal(5, 0))).isEqualTo(decimal(38, 0));
    }

    @Test
    void sumsSmallIntegersAsBigintsAndKeepsTheRest() {
        for (SqlTypeName integer : new SqlTypeName[] {SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER}) {
            RelDataType nullable = types.createTypeWithNullability(types.createSqlType(integer), true);
            RelDataType sum = system.deriveSumType(types, nullable);
            assertThat(sum.getSqlTypeName()).isEqualTo(SqlTypeName.BIGINT);
            assertThat(sum.isNullable()).isTrue();
        }
        RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
        assertThat(system.deriveSumType(types, bigint)).isEqualTo(bigint);
        RelDataType dbl = types.createSqlType(SqlTypeName.DOUBLE);
        assertThat(system.deriveSumType(types, dbl)).isEqualTo(dbl);
    }

    @Test
    void multipliesDecimalsKeepingTheirIntegralDigits() {
        assertThat(system.deriveDecimalMultiplyType(types, decimal(3, 1), decimal(4, 2))).isEqualTo(decimal(7, 3));
        assertThat(system.deriveDecimalMultiplyType(types, decimal(20, 2), decimal(20, 2)))
                .isEqualTo(decimal(38, 4));
        assertThat(system.deriveDecimalMultiplyType(types, decimal(38, 20), decimal(38, 20)))
                .as("Calcite's DECIMAL(38,38) cannot hold 1.5 * 1.5").isEqualTo(decimal(38, 6));
        assertThat(system.deriveDecimalMultiplyType(types, decimal(38, 2), types.createSqlType(SqlTypeName.INTEGER)))
                .isEqualTo(decimal(38, 2));
        assertThat(system.deriveDecimalMultiplyType(types, types.createSqlType(SqlTypeName.INTEGER),
                types.createSqlType(SqlTypeName.DOUBLE))).isNull();
    }

    @Test
    void letsTextDeclareAnyLengthAndLeavesNoLengthUnspecified() {
        assertThat(types.createSqlType(SqlTypeName.VARCHAR, 100_000).getPrecision())
                .as("Calcite cut it to 65536").isEqualTo(100_000);
        assertThat(system.getMaxPrecision(SqlTypeName.VARCHAR)).isEqualTo(GatosTypeSystem.UNBOUNDED);
        assertThat(types.createSqlType(SqlTypeName.VARCHAR).getPrecision())
                .isEqualTo(RelDataType.PRECISION_NOT_SPECIFIED);
    }
}
