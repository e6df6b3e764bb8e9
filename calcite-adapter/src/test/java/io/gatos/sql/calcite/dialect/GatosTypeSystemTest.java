package io.gatos.sql.calcite.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class GatosTypeSystemTest {
    private final RelDataTypeFactory types = new JavaTypeFactoryImpl(GatosTypeSystem.INSTANCE);

    @Test
    void textOfDifferentLengthsMeetsAsVarchar() {
        RelDataType common = types.leastRestrictive(java.util.List.of(types.createSqlType(SqlTypeName.CHAR, 1),
                types.createSqlType(SqlTypeName.CHAR, 5)));
        assertThat(common.getSqlTypeName()).isEqualTo(SqlTypeName.VARCHAR);
        assertThat(common.getPrecision()).isEqualTo(5);
    }

    @Test
    void averagesIntegersAsDoublesAndKeepsOtherTypes() {
        for (SqlTypeName integer : new SqlTypeName[] {SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.SMALLINT}) {
            assertThat(GatosTypeSystem.INSTANCE.deriveAvgAggType(types, types.createSqlType(integer))
                    .getSqlTypeName()).isEqualTo(SqlTypeName.DOUBLE);
        }
        RelDataType decimal = types.createSqlType(SqlTypeName.DECIMAL, 10, 2);
        assertThat(GatosTypeSystem.INSTANCE.deriveAvgAggType(types, decimal)).isEqualTo(decimal);
        RelDataType real = types.createSqlType(SqlTypeName.DOUBLE);
        assertThat(GatosTypeSystem.INSTANCE.deriveAvgAggType(types, real)).isEqualTo(real);
    }
}
